//! The server on a real TCP socket (`serve_on`): its time-outs close the
//! connections of clients that stall, with time-outs made short here.
//! Each assertion is that the server closed the socket, with a generous
//! upper bound; nothing is timed closely.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use vigie_domain::region::Regions;
use vigie_web::{AppState, Config, Timeouts};

/// Far longer than any time-out below: a socket still open then was not
/// closed by a time-out.
const BOUND: Duration = Duration::from_secs(20);

struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    _dir: tempfile::TempDir,
}

impl Server {
    async fn start(timeouts: Timeouts) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let store = vigie_store::open(dir.path().join("web.db").to_str().unwrap()).unwrap();
        let state = AppState::new(store, Regions::builtin(), Config { timeouts, ..Config::default() }).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(vigie_web::serve_on(listener, state, async {
            let _ = stopped.await;
        }));
        Server { addr, stop: Some(stop), task, _dir: dir }
    }

    async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.unwrap()
    }

    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(BOUND, self.task).await.expect("the server stops").unwrap().unwrap();
    }
}

fn short(header_read_ms: u64, body_read_ms: u64) -> Timeouts {
    Timeouts { header_read: Duration::from_millis(header_read_ms), body_read: Duration::from_millis(body_read_ms) }
}

/// Reads until the server closes the socket (a reset counts as closed);
/// what it sent. Panics if it is still open after `BOUND`.
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let reading = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    };
    tokio::time::timeout(BOUND, reading).await.expect("the server closes the connection");
    String::from_utf8_lossy(&received).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_that_sends_nothing_or_half_a_header_is_closed() {
    let server = Server::start(short(300, 60_000)).await;
    let mut silent = server.connect().await;
    let mut partial = server.connect().await;
    partial.write_all(b"GET /login HTTP/1.1\r\nHost: vigie\r\nAccept: text/ht").await.unwrap();
    read_until_closed(&mut silent).await;
    let sent = read_until_closed(&mut partial).await;
    assert!(!sent.contains("200 OK"), "{sent}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_alive_connection_left_idle_is_closed() {
    let server = Server::start(short(300, 60_000)).await;
    let mut stream = server.connect().await;
    stream.write_all(b"GET /static/vigie.css HTTP/1.1\r\nHost: vigie\r\n\r\n").await.unwrap();
    let sent = read_until_closed(&mut stream).await;
    assert!(sent.starts_with("HTTP/1.1 200 OK"), "{sent}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_announced_but_not_sent_gets_408_and_the_connection_closes() {
    let server = Server::start(short(5_000, 300)).await;
    let mut stream = server.connect().await;
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: vigie\r\nContent-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 100000\r\n\r\nemail=a",
        )
        .await
        .unwrap();
    let sent = read_until_closed(&mut stream).await;
    assert!(sent.starts_with("HTTP/1.1 408"), "{sent}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_body_that_keeps_coming_is_read_whole() {
    // pauses shorter than the time-out, a whole longer than it
    let server = Server::start(short(5_000, 1_000)).await;
    let mut stream = server.connect().await;
    let body = "email=someone%40vigie.example&password=x&csrf=0123";
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: vigie\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.as_bytes().chunks(body.len() / 4 + 1) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        stream.write_all(chunk).await.unwrap();
    }
    let sent = read_until_closed(&mut stream).await;
    // the body arrived whole: the CSRF check answers (no login cookie)
    assert!(sent.starts_with("HTTP/1.1 403"), "{sent}");
    server.stop().await;
}
