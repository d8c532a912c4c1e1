fn main() {
    let url = std::env::args().nth(1).unwrap();
    let key =
        std::env::var("IOVOX_SANDBOX_SECURE_KEY").unwrap_or_else(|_| "sandbox-secure-key".into());
    let c = iovox_http::Client::new(iovox_http::Credentials::new("sandbox", key), url).unwrap();
    let item =
        iovox_core::PurchaseItem::new(44, iovox_core::NumberType::Geographic, 1).area_code(20);
    let r = iovox_core::PurchaseRequest::new(vec![item]);
    for _ in 0..500 {
        c.purchase_vox_numbers(&r).unwrap();
    }
    for _ in 0..3 {
        let n = 3000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            c.purchase_vox_numbers(&r).unwrap();
        }
        println!(
            "rust purchase µs/call {:.1}",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }
}
