//! A real SMTP listener over TCP for the tests: enough of RFC 5321 for
//! lettre to deliver to it. It keeps every message it accepts.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }
    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }
    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }
    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }
    /// The first link to `path` in the text part.
    pub fn link(&self, path: &str) -> String {
        let text = self.text();
        let start = text.find("http").expect("a link in the email");
        text[start..]
            .split_whitespace()
            .find(|w| w.contains(path))
            .or_else(|| {
                text.split_whitespace()
                    .find(|w| w.starts_with("http") && w.contains(path))
            })
            .unwrap_or_else(|| panic!("no link to {path} in: {text}"))
            .to_owned()
    }
}

pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    task: JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpSink {
    /// Listens on a free port.
    pub async fn start() -> SmtpSink {
        Self::start_on(0).await
    }

    /// Listens on `port` (an outage ends when the listener starts).
    pub async fn start_on(port: u16) -> SmtpSink {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind SMTP listener");
        let port = listener.local_addr().expect("local addr").port();
        let messages: Arc<Mutex<Vec<Received>>> = Arc::default();
        let store = messages.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = session(stream, store).await;
                });
            }
        });
        SmtpSink {
            port,
            messages,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<Received> {
        self.messages.lock().expect("lock").clone()
    }

    /// Messages sent to `to`.
    pub fn to(&self, to: &str) -> Vec<Received> {
        self.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .collect()
    }

    /// Waits (up to 20 s) until `to` has received `n` messages, and returns them.
    pub async fn wait_for(&self, to: &str, n: usize) -> Vec<Received> {
        for _ in 0..400 {
            let got = self.to(to);
            if got.len() >= n {
                return got;
            }
            // Waiting for the messages: the loop ends when they are here.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{to} received {} messages, expected {n}", self.to(to).len());
    }
}

async fn session(
    stream: tokio::net::TcpStream,
    store: Arc<Mutex<Vec<Received>>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write.write_all(b"220 kuza-test-smtp ESMTP\r\n").await?;
    let mut to = vec![];
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        if cmd.starts_with("EHLO") {
            write
                .write_all(b"250-kuza-test-smtp\r\n250 8BITMIME\r\n")
                .await?;
        } else if cmd.starts_with("RCPT TO:") {
            let addr = line.trim_end()[8..]
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned();
            to.push(addr);
            write.write_all(b"250 OK\r\n").await?;
        } else if cmd == "DATA" {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut raw = vec![];
            loop {
                let mut l = String::new();
                if reader.read_line(&mut l).await? == 0 {
                    return Ok(());
                }
                if l == ".\r\n" || l == ".\n" {
                    break;
                }
                let l = l.strip_prefix('.').unwrap_or(&l);
                raw.extend_from_slice(l.as_bytes());
            }
            store.lock().expect("lock").push(Received {
                to: std::mem::take(&mut to),
                raw,
            });
            write.write_all(b"250 OK queued\r\n").await?;
        } else if cmd == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else if cmd.starts_with("RSET") {
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else {
            // HELO, MAIL FROM, NOOP and anything else.
            write.write_all(b"250 OK\r\n").await?;
        }
    }
}
