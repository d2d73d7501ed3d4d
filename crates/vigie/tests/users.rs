//! `vigie user add|passwd|disable|enable|list` and `vigie audit`: accounts
//! with roles and country scope, passwords piped on standard input and
//! stored as argon2id hashes only, and the audit log with field-level
//! changes that never holds a password.

mod common;

use common::{Run, Sandbox, line_starting};
use rusqlite::types::ValueRef;
use serde_json::{Value, json};

/// The passwords of the accounts `accounts()` adds.
const PASSWORDS: [(&str, &str, &[&str], &str); 5] = [
    ("admin@example.org", "admin", &[], "first operator pass phrase"),
    ("analyst@example.org", "analyst", &[], "reads-the-sources-1234"),
    ("editor@example.org", "editor", &[], "writes the bulletin"),
    ("delegate@example.org", "delegate", &["BF", "Mali"], "délégué du Burkina 2024"),
    ("viewer@example.org", "viewer", &[], "reads-only-figures"),
];

fn add(sb: &Sandbox, email: &str, role: &str, countries: &[&str], password: &str) -> Run {
    let mut args = vec!["user", "add", "--email", email, "--role", role];
    let joined = countries.join(",");
    if !countries.is_empty() {
        args.extend(["--country", &joined]);
    }
    sb.run_stdin(&args, format!("{password}\n"))
}

/// Asserts a run failed with exit 1 and one `error:` line; returns it.
fn refused(run: &Run) -> String {
    assert_eq!(run.code, 1, "expected a refusal:\nstdout: {}\nstderr: {}", run.stdout, run.stderr);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "one line of error: {}", run.stderr);
    assert!(lines[0].starts_with("error: "), "{}", run.stderr);
    lines[0].to_string()
}

/// One account of each role.
fn accounts() -> Sandbox {
    let sb = Sandbox::new();
    for (email, role, countries, password) in PASSWORDS {
        let run = add(&sb, email, role, countries, password);
        assert_eq!(run.code, 0, "{email}: {}", run.stderr);
    }
    sb
}

fn db(sb: &Sandbox) -> rusqlite::Connection {
    rusqlite::Connection::open(sb.db()).expect("open the database")
}

fn stored_hash(sb: &Sandbox, email: &str) -> String {
    db(sb).query_row("SELECT password_hash FROM app_user WHERE email = ?1", [email], |row| row.get(0)).unwrap()
}

fn audit_json(sb: &Sandbox, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["audit", "--format", "json"];
    args.extend_from_slice(filters);
    match serde_json::from_str(&sb.ok(&args)).expect("audit JSON") {
        Value::Array(entries) => entries,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn add_each_role_and_list() {
    let sb = Sandbox::new();
    let run = add(&sb, "Admin@Example.ORG", "ADMIN", &[], "first operator pass phrase");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "user admin@example.org added: admin\n");
    for (email, role, countries, password) in &PASSWORDS[1..] {
        let run = add(&sb, email, role, countries, password);
        assert_eq!(run.code, 0, "{email}: {}", run.stderr);
    }
    let run = add(&sb, "delegate2@example.org", "delegate", &["Niger", "BF", "niger"], "another delegate pass");
    assert_eq!(run.stdout, "user delegate2@example.org added: delegate of BF, NE\n");

    let table = sb.run(&["user", "list"]);
    assert_eq!(table.stderr, "6 users\n");
    line_starting(&table.stdout, "email ");
    line_starting(&table.stdout, "delegate@example.org   delegate  BF,ML      active");
    line_starting(&table.stdout, "viewer@example.org     viewer               active");
    assert!(!table.stdout.contains("argon2"), "{}", table.stdout);

    let json: Value = serde_json::from_str(&sb.ok(&["user", "list", "--format", "json"])).unwrap();
    let users = json.as_array().unwrap();
    let emails: Vec<&str> = users.iter().map(|u| u["email"].as_str().unwrap()).collect();
    assert_eq!(
        emails,
        [
            "admin@example.org",
            "analyst@example.org",
            "delegate2@example.org",
            "delegate@example.org",
            "editor@example.org",
            "viewer@example.org"
        ]
    );
    for user in users {
        let keys: Vec<&str> = user.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["countries", "created_at", "disabled", "email", "id", "role", "totp"]);
        assert_eq!(user["totp"], json!(false));
        assert!(user["id"].is_i64());
        assert_eq!(user["disabled"], json!(false));
        let created = user["created_at"].as_str().unwrap();
        assert!(created.parse::<jiff::Timestamp>().is_ok(), "{created}");
    }
    let delegate = users.iter().find(|u| u["email"] == "delegate@example.org").unwrap();
    assert_eq!(delegate["role"], "delegate");
    assert_eq!(delegate["countries"], json!(["BF", "ML"]));
    assert_eq!(users[0]["countries"], json!([]));
    let text = json.to_string();
    assert!(!text.contains("argon2") && !text.contains("hash"), "{text}");
}

#[test]
fn bad_accounts_are_refused_and_nothing_is_written() {
    let sb = accounts();
    let before = sb.ok(&["user", "list", "--format", "json"]);
    let log_before = audit_json(&sb, &[]).len();
    let cases: [(&[&str], &str, &str); 18] = [
        (
            &["--email", "ADMIN@example.org", "--role", "viewer"],
            "a strong password here",
            "error: a user with the email admin@example.org already exists",
        ),
        (
            &["--email", "new@example.org", "--role", "viewer"],
            "tiny1",
            "error: the password is too short: use at least 12 characters (a few words make a good one)",
        ),
        (
            &["--email", "new@example.org", "--role", "viewer"],
            "xxxxxxxxxxxxxxxxxxxx",
            "error: the password repeats a short pattern: choose a less guessable one",
        ),
        (
            &["--email", "new.user@example.org", "--role", "viewer"],
            "New.User@example.org",
            "error: the password is or holds the email address's name: choose another one",
        ),
        (&["--email", "new@example.org", "--role", "viewer"], "", "error: no password on standard input"),
        (
            &["--email", "new@example.org", "--role", "delegate"],
            "a strong password here",
            "error: a delegate acts for at least one member state: give --country, e.g. --country BF",
        ),
        (
            &["--email", "new@example.org", "--role", "analyst", "--country", "BF"],
            "a strong password here",
            "error: only delegates have countries: a user with the role analyst takes no --country",
        ),
        (
            &["--email", "new@example.org", "--role", "delegate", "--country", "BF,Atlantis"],
            "a strong password here",
            "error: unknown country \"Atlantis\"",
        ),
        (
            &["--email", "new@example.org", "--role", "root"],
            "a strong password here",
            "error: unknown role \"root\": use one of admin, analyst, editor, translator, delegate, viewer",
        ),
        (
            &["--email", "not-an-address", "--role", "viewer"],
            "a strong password here",
            "error: the email address \"not-an-address\" is not valid",
        ),
        (
            &["--email", "new@localhost", "--role", "viewer"],
            "a strong password here",
            "error: the email address \"new@localhost\" is not valid: its domain needs a dot",
        ),
        (
            &["--email", "new user@example.org", "--role", "viewer"],
            "a strong password here",
            "error: the email address \"new user@example.org\" has a space",
        ),
        (&["--email", "", "--role", "viewer"], "a strong password here", "error: the email address is empty"),
        (
            &["--email", "adrnin@example.org", "--role", "viewer"],
            "a strong password here",
            "error: the email address \"adrnin@example.org\" looks like the existing account admin@example.org",
        ),
        (
            &["--email", "\u{430}dmin2@example.org", "--role", "viewer"],
            "a strong password here",
            "error: the email address \"\u{430}dmin2@example.org\" mixes alphabets",
        ),
        (
            &["--email", "new\u{200B}@example.org", "--role", "viewer"],
            "a strong password here",
            // shown escaped: the message makes the invisible visible
            "error: the email address \"new\\u{200b}@example.org\" has an invisible or a text-direction character",
        ),
        (
            &["--email", "new@example.org", "--role", "viewer"],
            "Password!2024",
            "error: the password is a common password with digits or punctuation added",
        ),
        (
            &["--email", "new@example.org", "--role", "viewer"],
            "121212121212",
            "error: the password repeats a short pattern",
        ),
    ];
    for (flags, password, message) in cases {
        let mut args = vec!["user", "add"];
        args.extend_from_slice(flags);
        let stdin = if password.is_empty() { String::new() } else { format!("{password}\n") };
        let line = refused(&sb.run_stdin(&args, stdin));
        assert!(line.starts_with(message), "{flags:?}: {line}");
        assert!(password.is_empty() || !line.contains(password), "the error shows the password: {line}");
    }
    assert_eq!(sb.ok(&["user", "list", "--format", "json"]), before);
    assert_eq!(audit_json(&sb, &[]).len(), log_before);

    for command in ["passwd", "disable", "enable"] {
        let line =
            refused(&sb.run_stdin(&["user", command, "--email", "nobody@example.org"], "a strong password here\n"));
        assert_eq!(line, "error: no user has the email nobody@example.org (see `vigie user list`)");
    }
    // clap's usage errors stay exit 2
    assert_eq!(sb.run(&["user", "add", "--email", "x@example.org"]).code, 2);
}

#[test]
fn passwd_changes_the_hash() {
    let sb = accounts();
    let old = stored_hash(&sb, "analyst@example.org");
    assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{old}");
    assert!(vigie_store::password::verify("reads-the-sources-1234", &old));

    // the line end is not part of the password, CRLF included; the rest of
    // standard input is ignored
    let run =
        sb.run_stdin(&["user", "passwd", "--email", "Analyst@Example.org"], "a brand new pass phrase\r\nignored\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "password of analyst@example.org changed\n");
    let new = stored_hash(&sb, "analyst@example.org");
    assert_ne!(new, old);
    assert!(new.starts_with("$argon2id$"), "{new}");
    assert!(vigie_store::password::verify("a brand new pass phrase", &new));
    assert!(!vigie_store::password::verify("a brand new pass phrase\r", &new));
    assert!(!vigie_store::password::verify("reads-the-sources-1234", &new));

    // a weak new password changes nothing
    let line = refused(&sb.run_stdin(&["user", "passwd", "--email", "analyst@example.org"], "tooshort\n"));
    assert!(line.starts_with("error: the password is too short"), "{line}");
    assert_eq!(stored_hash(&sb, "analyst@example.org"), new);

    // the same password again still gets a new salt
    sb.run_stdin(&["user", "passwd", "--email", "analyst@example.org"], "a brand new pass phrase\n");
    let again = stored_hash(&sb, "analyst@example.org");
    assert_ne!(again, new);
    assert!(vigie_store::password::verify("a brand new pass phrase", &again));

    let changed: (String, String) = db(&sb)
        .query_row(
            "SELECT created_at, password_changed_at FROM app_user WHERE email = 'analyst@example.org'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert!(changed.1 > changed.0, "{changed:?}");
}

#[test]
fn disable_and_enable() {
    let sb = accounts();
    assert_eq!(sb.ok(&["user", "disable", "--email", "editor@example.org"]), "user editor@example.org disabled\n");
    assert_eq!(
        sb.ok(&["user", "disable", "--email", "EDITOR@example.org"]),
        "user editor@example.org was already disabled\n"
    );
    let table = sb.ok(&["user", "list"]);
    line_starting(&table, "editor@example.org    editor               disabled");
    let json: Value = serde_json::from_str(&sb.ok(&["user", "list", "--format", "json"])).unwrap();
    let editor = json.as_array().unwrap().iter().find(|u| u["email"] == "editor@example.org").unwrap();
    assert_eq!(editor["disabled"], json!(true));
    assert_eq!(sb.ok(&["user", "enable", "--email", "editor@example.org"]), "user editor@example.org enabled\n");
    assert_eq!(
        sb.ok(&["user", "enable", "--email", "editor@example.org"]),
        "user editor@example.org was already enabled\n"
    );
    line_starting(&sb.ok(&["user", "list"]), "editor@example.org    editor               active");
    // the unchanged runs wrote no entry
    let entries = audit_json(&sb, &["--entity", "user", "--action", "user.disable"]);
    assert_eq!(entries.len(), 1);
    assert_eq!(audit_json(&sb, &["--action", "user.enable"]).len(), 1);
}

#[test]
fn the_audit_log_has_field_level_changes() {
    let sb = accounts();
    sb.run_stdin(&["user", "passwd", "--email", "viewer@example.org"], "a second set of words\n");
    sb.ok(&["user", "disable", "--email", "viewer@example.org"]);

    let entries = audit_json(&sb, &[]);
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["user.disable", "user.passwd", "user.add", "user.add", "user.add", "user.add", "user.add"]);
    for entry in &entries {
        let keys: Vec<&str> = entry.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["action", "actor", "at", "changes", "detail", "entity", "entity_id", "id"]);
        assert_eq!(entry["actor"], "cli");
        assert_eq!(entry["entity"], "user");
        assert!(entry["at"].as_str().unwrap().parse::<jiff::Timestamp>().is_ok());
    }
    assert_eq!(entries[0]["entity_id"], "viewer@example.org");
    assert_eq!(entries[0]["changes"], json!([{"field": "disabled", "before": false, "after": true}]));
    assert_eq!(entries[1]["changes"], json!([{"field": "password", "before": "***", "after": "***"}]));
    let delegate = entries.iter().find(|e| e["entity_id"] == "delegate@example.org").unwrap();
    assert_eq!(
        delegate["changes"],
        json!([
            {"field": "email", "before": null, "after": "delegate@example.org"},
            {"field": "role", "before": null, "after": "delegate"},
            {"field": "countries", "before": null, "after": ["BF", "ML"]},
            {"field": "password", "before": null, "after": "***"},
        ])
    );

    // filters
    assert_eq!(audit_json(&sb, &["--action", "user.add"]).len(), 5);
    assert_eq!(audit_json(&sb, &["--actor", "CLI", "--limit", "2"]).len(), 2);
    assert_eq!(audit_json(&sb, &["--actor", "admin@example.org"]).len(), 0);
    assert_eq!(audit_json(&sb, &["--entity", "incident"]).len(), 0);
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    assert_eq!(audit_json(&sb, &["--from", &today, "--to", &today]).len(), 7);
    assert_eq!(audit_json(&sb, &["--to", "2000-01-01"]).len(), 0);
    let line = refused(&sb.run(&["audit", "--from", "yesterday"]));
    assert_eq!(line, "error: --from \"yesterday\" is not a day: write YYYY-MM-DD");

    let table = sb.run(&["audit", "--limit", "3"]);
    assert_eq!(table.stderr, "3 entries\n");
    line_starting(&table.stdout, "at (UTC)");
    let disable = table.stdout.lines().find(|l| l.contains("user.disable")).expect("the disable entry");
    assert!(disable.contains("user.disable") && disable.contains("disabled: false → true"), "{disable}");
    assert!(table.stdout.contains("password: *** → ***"), "{}", table.stdout);
}

/// Every text and blob of every table, and the database files' raw bytes:
/// no password appears anywhere.
#[test]
fn no_password_is_stored_anywhere() {
    let sb = accounts();
    let new_password = "the viewer's replacement";
    sb.run_stdin(&["user", "passwd", "--email", "viewer@example.org"], format!("{new_password}\n"));
    // a refused add must not leave its password behind either
    add(&sb, "viewer@example.org", "viewer", &[], "refused duplicate secret");
    let mut secrets: Vec<&str> = PASSWORDS.iter().map(|p| p.3).collect();
    secrets.extend([new_password, "refused duplicate secret"]);

    let conn = db(&sb);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(tables.contains(&"app_user".to_string()) && tables.contains(&"audit_log".to_string()));
    let mut cells = 0;
    for table in &tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for column in 0..columns {
                let text = match row.get_ref(column).unwrap() {
                    ValueRef::Text(bytes) | ValueRef::Blob(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                    _ => continue,
                };
                cells += 1;
                for secret in &secrets {
                    assert!(!text.contains(secret), "{table} holds a password: {text}");
                }
            }
        }
    }
    assert!(cells > 20, "{cells} cells scanned");
    drop(conn);
    for suffix in ["", "-wal"] {
        let path = sb.path(&format!("vigie.db{suffix}"));
        let Ok(bytes) = std::fs::read(&path) else { continue };
        for secret in &secrets {
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "{} holds a password", path.display());
        }
    }
}

#[test]
fn demo_accounts() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--no-bulletin"]);
    line_starting(
        &out,
        "7 demo accounts (admin, analyst, analyst2, editor, translator, delegate.bf, viewer @vigie.example), all with the password vigie-demo-2023",
    );
    let json: Value = serde_json::from_str(&sb.ok(&["user", "list", "--format", "json"])).unwrap();
    let accounts: Vec<(String, String, Value)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["email"].as_str().unwrap().into(), u["role"].as_str().unwrap().into(), u["countries"].clone()))
        .collect();
    let expected = [
        ("admin@vigie.example", "admin", json!([])),
        ("analyst2@vigie.example", "analyst", json!([])),
        ("analyst@vigie.example", "analyst", json!([])),
        ("delegate.bf@vigie.example", "delegate", json!(["BF"])),
        ("editor@vigie.example", "editor", json!([])),
        ("translator@vigie.example", "translator", json!([])),
        ("viewer@vigie.example", "viewer", json!([])),
    ];
    assert_eq!(accounts, expected.clone().map(|(e, r, c)| (e.to_string(), r.to_string(), c)));
    for (email, _, _) in expected {
        assert!(vigie_store::password::verify("vigie-demo-2023", &stored_hash(&sb, email)), "{email}");
    }
    assert_eq!(audit_json(&sb, &["--action", "user.add"]).len(), 7);

    // the administrator has the demo second factor, printed with its URI; the others none
    line_starting(
        &out,
        "admin@vigie.example logs in with a second factor: add the demo TOTP secret VIGIEDEMOADMINTOTPSECRETJUSTDEMO",
    );
    line_starting(
        &out,
        "  otpauth://totp/Vigie:admin@vigie.example?secret=VIGIEDEMOADMINTOTPSECRETJUSTDEMO&issuer=Vigie",
    );
    let with_totp: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["totp"] == json!(true))
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert_eq!(with_totp, ["admin@vigie.example"]);
    let enrolled = audit_json(&sb, &["--action", "user.totp.enrol"]);
    assert_eq!((enrolled.len(), enrolled[0]["actor"].as_str()), (1, Some("cli")));
    assert_eq!(sb.ok(&["user", "totp-roles"]), "roles that require a second factor: none\n", "no role requires one");
    let secret: Vec<u8> = db(&sb)
        .query_row(
            "SELECT secret FROM user_totp t JOIN app_user u ON u.id = t.user_id WHERE u.email = 'admin@vigie.example'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(vigie_store::totp::encode_secret(&secret), "VIGIEDEMOADMINTOTPSECRETJUSTDEMO");
}

#[test]
fn an_operator_resets_a_second_factor_and_sets_the_roles_that_require_one() {
    let sb = accounts();
    let out = sb.ok(&["user", "totp-reset", "--email", "viewer@example.org"]);
    assert_eq!(out, "viewer@example.org has no second factor: nothing to reset\n");
    {
        let mut store = vigie_store::open(sb.db().to_str().unwrap()).unwrap();
        store.start_totp("viewer@example.org", b"12345678901234567890").unwrap();
        store.enrol_totp("viewer@example.org", None, &[], "viewer@example.org").unwrap();
    }
    let table = sb.run(&["user", "list"]);
    line_starting(&table.stdout, "viewer@example.org    viewer               active  totp");
    line_starting(&table.stdout, "admin@example.org     admin                active  -");

    assert_eq!(
        sb.ok(&["user", "totp-roles", "--require", "Admin,viewer"]),
        "roles that require a second factor: admin, viewer\n"
    );
    let table = sb.run(&["user", "list"]);
    line_starting(&table.stdout, "admin@example.org     admin                active  required");
    let unknown = refused(&sb.run(&["user", "totp-roles", "--require", "root"]));
    assert!(unknown.contains("unknown role \"root\""), "{unknown}");

    let out = sb.ok(&["user", "totp-reset", "--email", "VIEWER@example.org"]);
    assert_eq!(
        out,
        "second factor of viewer@example.org removed, its sessions ended: its role requires one: \
         it sets a new one at its next login\n"
    );
    let reset = audit_json(&sb, &["--action", "user.totp.reset"]);
    assert_eq!(reset.len(), 1);
    assert_eq!(reset[0]["actor"], "cli");
    assert_eq!(reset[0]["entity_id"], "viewer@example.org");
    assert_eq!(reset[0]["changes"], json!([{"field": "totp", "before": true, "after": false}]));
    let roles = audit_json(&sb, &["--action", "settings.totp_roles"]);
    assert_eq!(roles[0]["changes"], json!([{"field": "totp_roles", "before": [], "after": ["admin", "viewer"]}]));
    assert_eq!(sb.ok(&["user", "totp-roles", "--require", "none"]), "roles that require a second factor: none\n");
    let missing = refused(&sb.run(&["user", "totp-reset", "--email", "nobody@example.org"]));
    assert!(missing.contains("no user has the email nobody@example.org"), "{missing}");
}

/// Stored text is printed, never run: an entry written before its controls
/// were escaped (or by another tool) cannot colour, retitle or forge lines
/// of the operator's terminal.
#[test]
fn the_audit_table_prints_controls_as_escapes() {
    let sb = Sandbox::new();
    sb.ok(&["regions"]);
    let mut store = vigie_store::open(sb.db().to_str().unwrap()).unwrap();
    let forged = "x\u{1b}[31mRED\u{1b}]0;pwned\u{7}\r\n2026-12-07 fake";
    let entry = vigie_domain::AuditEntry::new(jiff::Timestamp::now(), forged, "login.failed", "user", Some(forged));
    store.record_audit(&entry).unwrap();
    drop(store);
    let table = sb.ok(&["audit"]);
    assert!(!table.contains('\u{1b}') && !table.contains('\u{7}') && !table.contains('\r'), "{table:?}");
    assert!(table.contains("x\\u{1b}[31mRED\\u{1b}]0;pwned\\u{7}\\u{d}\\u{a}2026-12-07 fake"), "{table}");
    assert_eq!(table.lines().count(), 2, "a header and one entry: {table}");
}

#[test]
fn tokens_are_made_listed_and_revoked_on_the_command_line() {
    let sb = accounts();
    let made = sb.run(&["token", "create", "--user", "delegate@example.org", "--scope", "write", "--expires", "30d"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    // the secret alone on standard output, for TOKEN=$(vigie token create …)
    let secret = made.stdout.trim();
    assert!(secret.starts_with("vigie_pat_") && secret.len() == 74, "{secret}");
    assert!(made.stderr.contains("not shown again"), "{}", made.stderr);
    // only its hash is stored
    let stored: String = db(&sb).query_row("SELECT token_hash FROM api_token", [], |row| row.get(0)).unwrap();
    assert_ne!(stored, secret);
    assert!(!std::fs::read(sb.db()).unwrap().windows(secret.len()).any(|w| w == secret.as_bytes()));

    let listed: Value = serde_json::from_str(&sb.ok(&["token", "list", "--format", "json"])).unwrap();
    assert_eq!(listed[0]["user"], "delegate@example.org");
    assert_eq!(listed[0]["scope"], "write");
    assert_eq!(listed[0]["state"], "active");
    assert_eq!(listed[0]["last_used_at"], Value::Null);
    assert!(!listed.to_string().contains(secret));

    for (args, says) in [
        (vec!["token", "create", "--user", "viewer@example.org", "--expires", "400d"], "1 to 366 days"),
        (vec!["token", "create", "--user", "viewer@example.org", "--scope", "admin"], "read or write"),
        (vec!["token", "create", "--user", "nobody@example.org"], "no user has the email"),
        (vec!["token", "create", "--user", "viewer@example.org", "--name", " "], "name is empty"),
        (vec!["token", "revoke", "99"], "no token has the id 99"),
    ] {
        let line = refused(&sb.run(&args));
        assert!(line.contains(says), "{args:?}: {line}");
    }

    let id = listed[0]["id"].to_string();
    assert!(sb.ok(&["token", "revoke", &id]).contains("revoked"));
    assert!(sb.ok(&["token", "revoke", &id]).contains("already revoked"));
    let listed: Value =
        serde_json::from_str(&sb.ok(&["token", "list", "--user", "delegate@example.org", "--format", "json"])).unwrap();
    assert_eq!(listed[0]["state"], "revoked");
    let audit = audit_json(&sb, &["--entity", "token"]);
    let actions: Vec<&str> = audit.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["token.revoke", "token.create"]);
    assert_eq!(audit[1]["entity_id"], id.as_str());
}
