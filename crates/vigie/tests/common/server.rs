//! `vigie serve` on the sandbox's database, on a free port, for the tests
//! that drive the running server (the browser scenario, the README's API
//! guide).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use super::Sandbox;

/// `vigie serve` on a free port; killed when dropped, so also when the test
/// panics.
pub struct Server {
    child: Child,
    pub url: String,
    log: PathBuf,
}

impl Server {
    pub fn start(sandbox: &Sandbox) -> Server {
        let log = sandbox.path("serve.log");
        let child = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .env_remove("VIGIE_DB")
            .env_remove("VIGIE_REGIONS")
            .env_remove("VIGIE_LANG")
            .env_remove("VIGIE_LOG")
            .arg("--db")
            .arg(sandbox.db())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&log).expect("the server's log file"))
            .spawn()
            .expect("start vigie serve");
        let mut server = Server { child, url: String::new(), log };
        // the first line says where it listens: "Vigie on http://ADDR/ (…)"
        let mut stdout = BufReader::new(server.child.stdout.take().expect("the server's standard output"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read the server's first line");
        let Some(url) = line.split_whitespace().find(|word| word.starts_with("http://")) else {
            panic!("vigie serve printed no address: {line:?}\nits log:\n{}", server.log());
        };
        server.url = url.trim_end_matches('/').to_string();
        // nothing more is expected there, but a full pipe must never block it
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        server
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
