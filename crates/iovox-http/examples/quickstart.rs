// Buy two numbers in Liverpool and attach one to a link, offline against the sandbox.
use iovox_http::{AttachRequest, Client, Credentials, Error, Link, NumberType};
use iovox_http::{PurchaseItem, PurchaseRequest};
use iovox_sandbox::{Config, Sandbox};

fn main() -> Result<(), Error> {
    let sandbox = Sandbox::start(Config::default()).expect("sandbox starts");
    let credentials = Credentials::new(sandbox.username(), sandbox.secure_key());
    let client = Client::new(credentials, sandbox.url())?; // IOVOX itself: Client::from_env()?

    let item = PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151);
    let order = client.purchase_vox_numbers(&PurchaseRequest::new(vec![item]))?;
    println!("{} {}", order.order_reference, order.order_status);
    let number = order.voxnumbers[0].full_voxnumber.as_str();
    client
        .attach_voxnumber_to_link(&AttachRequest::new(vec![Link::by_voxnumber("333", number)]))?;
    println!("attached +{number} to link 333");
    Ok(())
}
