//! The browser entry point: everything else lives in the library so that tests can import it.

fn main() {
    summit_fruits::start();
}
