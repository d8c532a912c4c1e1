// Rust quick start: buy two numbers in Liverpool, attach one to a link.
// Runs offline against the local sandbox; for IOVOX itself use
// `Client::new(Credentials::new(user, key), PRODUCTION_URL)` or `Client::from_env()`.
use iovox_http::{
    AttachRequest, Client, Credentials, Error, Link, NumberType, PurchaseItem, PurchaseRequest,
};
use iovox_sandbox::{Config, Sandbox};

fn main() -> Result<(), Error> {
    let sandbox = Sandbox::start(Config::default()).expect("sandbox starts");
    let credentials = Credentials::new(sandbox.username(), sandbox.secure_key());
    let client = Client::new(credentials, sandbox.url())?;

    let item = PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151);
    let order = client.purchase_vox_numbers(&PurchaseRequest::new(vec![item]))?;
    println!("{} {}", order.order_reference, order.order_status);

    let number = &order.voxnumbers[0].full_voxnumber;
    let links = AttachRequest::new(vec![Link::by_voxnumber("333", number.as_str())]);
    client.attach_voxnumber_to_link(&links)?;
    println!("attached +{number} to link 333");

    // Mistakes are caught before anything is sent, in IOVOX's own words.
    let bad = PurchaseRequest::new(vec![PurchaseItem::new(44, NumberType::Geographic, 0)]);
    if let Err(Error::Validation(errors)) = client.purchase_vox_numbers(&bad) {
        for e in errors.iter() {
            println!("{}", e.message); // "Area Code 1 of 1 Empty", "Quantity must be between 1 and 250"
        }
    }
    Ok(())
}
