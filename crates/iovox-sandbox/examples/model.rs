//! Prints every method of the model as JSON, for `scripts/generate`: the same as
//! `iovox methods --json`, from a crate that needs none of the files the generator writes.

fn main() {
    println!("{}", iovox_sandbox::model_json());
}
