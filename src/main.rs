//! The `chainmap` command-line tool; all of its logic is in `chainmap::cli`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = chainmap::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
