use std::net::TcpListener;

// ANCHOR: main
fn main() {
    // ANCHOR: bind
    let listener = TcpListener::bind("127.0.0.1:8125").unwrap();
    // ANCHOR_END: bind
    println!("listening on {}", listener.local_addr().unwrap());
}
// ANCHOR_END: main
