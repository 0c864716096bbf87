//! Entry point of the web app (built by Trunk for wasm32).

fn main() {
    #[cfg(target_arch = "wasm32")]
    chainmap::app::start();
}
