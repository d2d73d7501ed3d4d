//! While another process holds the database's write lock (a long CLI
//! import), the site keeps answering: pages are read, logins and logouts go
//! through (they write only the sessions file), and a change gives up after
//! a bounded wait with 503, `Retry-After` and a page that says why — never
//! a 500, and nothing half-written. Once the lock is released, the same
//! change goes through.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::Role;

/// An import through the store, as `vigie import` runs one (its own
/// connection, the sessions file attached), holding the write lock from its
/// start until `finish`.
struct ImportRunning {
    finish: std::sync::mpsc::Sender<()>,
    done: std::thread::JoinHandle<()>,
}

impl ImportRunning {
    fn start(db: &str) -> ImportRunning {
        let db = db.to_string();
        let (started_tx, started) = std::sync::mpsc::channel();
        let (finish, finish_rx) = std::sync::mpsc::channel::<()>();
        let done = std::thread::spawn(move || {
            let mut store = vigie_store::open(&db).unwrap();
            let session = store.begin_import("big.csv", "csv").unwrap();
            started_tx.send(()).unwrap();
            finish_rx.recv().unwrap();
            session.finish(vigie_store::ImportCounts::default()).unwrap();
        });
        started.recv().unwrap();
        ImportRunning { finish, done }
    }

    fn finish(self) {
        self.finish.send(()).unwrap();
        self.done.join().unwrap();
    }
}

fn app() -> App {
    app_with(
        &[("editor@vigie.example", Role::Editor, &[]), ("delegate@vigie.example", Role::Delegate, &["BF"])],
        |store, _| import_incidents(store, &[incident("demo-bf-1", 3)]),
    )
}

#[tokio::test]
async fn reads_and_logins_go_on_and_writes_answer_503_while_an_import_holds_the_lock() {
    let app = app();
    let delegate = app.login("delegate@vigie.example").await;
    let before = app.count();
    let import = ImportRunning::start(&app.db);

    for path in ["/dashboard", "/incidents", "/incidents/demo-bf-1"] {
        assert_eq!(app.get(path, &delegate).await.status, StatusCode::OK, "{path} during the import");
    }
    let editor = app.login("editor@vigie.example").await;
    assert_eq!(app.get("/incidents", &editor).await.status, StatusCode::OK);

    let csrf = app.token(&delegate).await;
    let form = format!("{}&csrf={csrf}", incident_form("BF", "Djibo", "during the import"));
    let refused = app.post("/incidents?lang=en", &form, &delegate).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "{}", refused.body);
    assert!(unescaped(&refused.body).contains("nothing was changed"), "{}", refused.body);
    assert_eq!(refused.headers.get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));

    let csrf = app.token(&editor).await;
    assert_eq!(app.post("/logout", &format!("csrf={csrf}"), &editor).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/incidents", &editor).await.status, StatusCode::SEE_OTHER, "logged out during the import");

    import.finish();
    assert_eq!(app.count(), before, "nothing written by the refused change");
    assert_eq!(app.post("/incidents", &form, &delegate).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count(), before + 1);
    let logins = app.audit_of("login");
    assert_eq!(logins.iter().filter(|entry| entry.actor == "editor@vigie.example").count(), 1);
    assert_eq!(app.audit_of("logout").len(), 1, "the logout during the import is in the audit log");
}
