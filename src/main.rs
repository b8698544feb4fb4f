//! The browser entry point: everything else lives in the library so that tests can import it.

/// The allocator of the app's wasm: talc instead of the standard library's dlmalloc, smaller and faster on
/// single-threaded wasm (its memory grows with `memory.grow`, as dlmalloc's does).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    summit_fruits::start();
}
