//! The binary: parses the command line and hands over to `chmon::cli`; prints a one-line error.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = chmon::cli::Cli::parse();
    match chmon::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            let line = chmon::cli::error_line(&err);
            eprintln!("chmon: {line}");
            std::process::ExitCode::FAILURE
        }
    }
}
