//! `vigie demo`: a demo database of illustrative incidents, the
//! coalition's member states with their national days, its partners and
//! agreements, activities, articles and developments notes (sources in
//! `demo/README.md`), and one account a role (a second analyst, for the
//! four-eyes review; their password is public: demo accounts only); then
//! the G5 Sahel report of December 2023, which reproduces the reference
//! bulletin's table, and the demo bulletin's six files (unless
//! `--no-bulletin`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::{CountryCode, Month, Role};
use vigie_formats::Format;
use vigie_render::{Labels, monthly};

use vigie_ingest::{Options, Source};

use super::import::print_summary;
use crate::Outcome;
use crate::cli::{BulletinArgs, BulletinFormat, BulletinLang, Cli, DemoArgs};
use crate::context::{latest_valid_date, open_store, regions};

/// Illustrative incidents written for the demo (descriptions in our own
/// words, marked as illustrative).
const DEMO_INCIDENTS: &str = include_str!("../../demo/incidents.csv");
/// The coalition's 43 member states and their real national days. Joined
/// dates only where known: the 34 founding members on 15 December 2015,
/// Oman on 28 December 2016, Kenya on 1 September 2022; the others are
/// left empty.
const DEMO_MEMBERS: &str = include_str!("../../demo/members.csv");
/// The coalition's 14 partners named in the reference bulletin, one
/// partnership agreement with each: the memorandum of understanding it
/// reports (signed on 27 December 2023), and 13 whose date is not on record.
const DEMO_PARTNERS: &str = include_str!("../../demo/partners.csv");
const DEMO_AGREEMENTS: &str = include_str!("../../demo/agreements.csv");
/// The organisations the demo's activities name as counterparts: the 14
/// partners, the GCC, UNODC, and the ministries, armed forces and
/// institutions the activities meet.
const DEMO_ORGANISATIONS: &str = include_str!("../../demo/organisations.csv");
/// The coalition's 2023 activities: the bulletin's timeline, and further
/// rows that make up its year in numbers (see demo/README.md).
const DEMO_ACTIVITIES: &str = include_str!("../../demo/activities.csv");
const DEMO_COUNTERPARTS: &str = include_str!("../../demo/counterparts.csv");
const DEMO_THEMES: &str = include_str!("../../demo/themes.csv");
macro_rules! article {
    ($name:literal) => {
        ($name, include_str!(concat!("../../demo/articles/", $name)))
    };
}

/// Six stories in fr, en and ar: the reference's three cover stories, its
/// cybersecurity exhibition, the January 2026 news item and an editorial
/// written for Vigie.
const DEMO_ARTICLES: &[(&str, &str)] = &[
    article!("chiefs-of-staff-second-meeting.ar.md"),
    article!("chiefs-of-staff-second-meeting.en.md"),
    article!("chiefs-of-staff-second-meeting.fr.md"),
    article!("cybersecurity-exhibition-2023.ar.md"),
    article!("cybersecurity-exhibition-2023.en.md"),
    article!("cybersecurity-exhibition-2023.fr.md"),
    article!("editorial-2023-12.ar.md"),
    article!("editorial-2023-12.en.md"),
    article!("editorial-2023-12.fr.md"),
    article!("gcc-cooperation-visit-2026.ar.md"),
    article!("gcc-cooperation-visit-2026.en.md"),
    article!("gcc-cooperation-visit-2026.fr.md"),
    article!("kyrgyz-chief-of-staff-visit.ar.md"),
    article!("kyrgyz-chief-of-staff-visit.en.md"),
    article!("kyrgyz-chief-of-staff-visit.fr.md"),
    article!("mou-standing-committee-ihl.ar.md"),
    article!("mou-standing-committee-ihl.en.md"),
    article!("mou-standing-committee-ihl.fr.md"),
];

macro_rules! image {
    ($name:literal) => {
        (concat!("images/", $name), include_bytes!(concat!("../../demo/articles/images/", $name)).as_slice())
    };
}

/// The stories' illustrations, drawn for the project (CC0 1.0; see
/// demo/README.md and tools/demo-images).
const DEMO_IMAGES: &[(&str, &[u8])] = &[
    image!("chiefs-of-staff-meeting.jpg"),
    image!("cybersecurity-exhibition.jpg"),
    image!("editorial.jpg"),
    image!("kyrgyz-visit.jpg"),
    image!("mou-signing.jpg"),
];

/// Issue 58 as its editors compose it: the editorial, the reference's
/// cover order, eight tiles, the year's highlights, the congratulations
/// sent on national days.
const DEMO_ISSUE: &str = include_str!("../../demo/issue-58.toml");

/// The G5 Sahel developments notes of December 2023, the reference
/// bulletin's facts told in our own words.
const DEMO_NOTES: &str = include_str!("../../demo/notes.csv");
const DEMO_KEY: &str = "demo";

/// Burkina Faso's delegate confirms the country's December 2023 figures,
/// as a member state does on the dashboard; the others are not confirmed
/// yet (the bulletin marks them).
fn demo_confirmation(store: &mut dyn vigie_store::Store) -> Result<()> {
    let country = CountryCode::new("BF").context("demo country")?;
    let month = Month::parse("2023-12").context("demo month")?;
    let state = store.confirmations(month, &[country])?.pop().context("a confirmation state")?;
    let by = "delegate.bf@vigie.example";
    let at = jiff::Timestamp::now();
    let confirmation = vigie_store::Confirmation {
        country,
        month,
        verdict: vigie_domain::confirmation::Verdict::Confirmed,
        comment: String::new(),
        fingerprint: state.fingerprint.clone(),
        by: by.into(),
        at,
    };
    let audit = vigie_domain::AuditEntry::new(at, by, "figures.confirm", "figures", Some("BF 2023-12"))
        .with_detail(state.fingerprint);
    if !store.record_confirmation(&confirmation, &audit)? {
        bail!("the demo's confirmation was refused");
    }
    Ok(())
}

/// Stops the demo when a register did not import, with the import's
/// problems.
fn loaded(summary: &vigie_ingest::Summary, options: &Options, what: &str) -> Result<()> {
    if !summary.written {
        print_summary(summary, options)?;
        bail!("the demo {what} did not import");
    }
    Ok(())
}

/// A database file and its WAL and shared-memory files.
fn sidecars(db: &Path) -> Vec<PathBuf> {
    // the sessions file too: a new database opens no old session
    ["", "-wal", "-shm", "-sessions", "-sessions-wal", "-sessions-shm"]
        .iter()
        .map(|suffix| with_suffix(db, suffix))
        .collect()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_all(files: &[PathBuf]) -> Result<()> {
    for file in files {
        if file.exists() {
            std::fs::remove_file(file).with_context(|| format!("cannot remove {}", file.display()))?;
        }
    }
    Ok(())
}

/// Refuses to replace a database that holds other data than the demo's.
fn check_replaceable(db: &Path, force: bool) -> Result<()> {
    if !db.exists() || force {
        return Ok(());
    }
    if open_store(db)?.meta(DEMO_KEY)?.is_none() {
        bail!(
            "{} exists and is not a demo database; choose another file with --db (e.g. --db vigie-demo.db) \
             or replace it with --force",
            db.display()
        );
    }
    Ok(())
}

pub fn run(cli: &Cli, args: &DemoArgs) -> Result<Outcome> {
    check_replaceable(&cli.db, args.force)?;
    // built aside and renamed when complete: a failed or killed demo leaves
    // no half-built database that the next run would refuse to replace
    let building = with_suffix(&cli.db, ".demo-partial");
    remove_all(&sidecars(&building))?;
    let regions = regions(cli.regions.as_deref())?;
    let mut store = open_store(&building)?;
    store.set_meta(DEMO_KEY, "illustrative data written for the Vigie demo")?;
    let mut options = Options::new(latest_valid_date());
    // the demo's imports are audited like any other on the command line
    options.audit_actor = Some(CLI_ACTOR.into());
    let source = Source::from_bytes("demo/incidents.csv", DEMO_INCIDENTS.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import(store.as_mut(), vec![source], &options)?;
    if print_summary(&summary, &options)? != Outcome::Success {
        bail!("the demo data did not import");
    }
    let source = Source::from_bytes("demo/members.csv", DEMO_MEMBERS.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import_members(store.as_mut(), vec![source], &options)?;
    loaded(&summary, &options, "member states")?;
    let members = store.members()?;
    let days: usize = members.iter().map(|m| m.national_days.len()).sum();
    out!("{} member states with {days} national days (vigie report national-days --month 2023-12)", members.len())?;
    let sources = vec![
        Source::from_bytes("demo/partners.csv", DEMO_PARTNERS.as_bytes(), Format::Csv),
        Source::from_bytes("demo/agreements.csv", DEMO_AGREEMENTS.as_bytes(), Format::Csv),
    ];
    let summary = vigie_ingest::import_partners(store.as_mut(), sources, &options)?;
    loaded(&summary, &options, "partners")?;
    let partners = store.partners()?;
    let agreements: usize = partners.iter().map(|p| p.agreements.len()).sum();
    out!(
        "{} partners, {agreements} agreement{} (vigie partners list)",
        partners.len(),
        if agreements == 1 { "" } else { "s" }
    )?;
    let source = Source::from_bytes("demo/organisations.csv", DEMO_ORGANISATIONS.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import_organisations(store.as_mut(), vec![source], &options)?;
    loaded(&summary, &options, "organisations")?;
    out!("{} organisations (vigie organisations list; vigie report cooperation --org gcc)", summary.counts.new)?;
    let source = Source::from_bytes("demo/themes.csv", DEMO_THEMES.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import_themes(store.as_mut(), vec![source], &options)?;
    loaded(&summary, &options, "themes")?;
    out!("{} themes (vigie themes list --lang ar)", summary.counts.new)?;
    let sources = vec![
        Source::from_bytes("demo/activities.csv", DEMO_ACTIVITIES.as_bytes(), Format::Csv),
        Source::from_bytes("demo/counterparts.csv", DEMO_COUNTERPARTS.as_bytes(), Format::Csv),
    ];
    let summary = vigie_ingest::import_activities(store.as_mut(), sources, &options)?;
    loaded(&summary, &options, "activities")?;
    let activities = store.activities(&vigie_store::ActivityFilter::default())?;
    let people: usize = activities.iter().map(|a| a.people.len()).sum();
    out!(
        "{} activities, {people} further counterparts (vigie report year --year 2023; vigie report timeline --year 2023)",
        activities.len()
    )?;
    import_articles(store.as_mut(), &options)?;
    let source = Source::from_bytes("demo/notes.csv", DEMO_NOTES.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import_notes(store.as_mut(), vec![source], &options, &regions)?;
    loaded(&summary, &options, "developments notes")?;
    out!("{} developments notes (vigie notes list --region g5-sahel --month 2023-12)", summary.counts.new)?;
    demo_accounts(store.as_mut())?;
    demo_confirmation(store.as_mut())?;
    // closed first: the last connection folds the WAL into the file
    drop(store);
    remove_all(&sidecars(&cli.db))?;
    std::fs::rename(&building, &cli.db)
        .with_context(|| format!("cannot rename {} to {}", building.display(), cli.db.display()))?;
    remove_all(&sidecars(&building))?;
    let store = open_store(&cli.db)?;
    out!("demo database: {}", cli.db.display())?;
    out!()?;
    let region = regions.get("g5-sahel").context("the regions file has no g5-sahel group")?;
    let month = Month::parse("2023-12").context("demo month")?;
    let report =
        vigie_report::monthly(store.as_ref(), &store.groups()?, region, month, vigie_report::Counting::default())?;
    out_raw!("{}", monthly::text(&report, &Labels::new(args.lang.lang())))?;
    if !args.no_bulletin {
        out!()?;
        let issue_dir = tempfile::tempdir().context("cannot create a temporary folder for the demo issue")?;
        let issue_file = issue_dir.path().join("issue-58.toml");
        std::fs::write(&issue_file, DEMO_ISSUE).context("cannot write the demo issue file")?;
        let bulletin = BulletinArgs {
            command: None,
            revise: None,
            month: None,
            number: None,
            issue: Some(issue_file),
            lang: BulletinLang::All,
            format: BulletinFormat::Both,
            regions: Vec::new(),
            featured: Vec::new(),
            year_review: false,
            casualty_ranges: false,
            strict: false,
            profile: None,
            output: args.bulletin.clone(),
        };
        out!("The demo bulletin, no. 58, December 2023:")?;
        for path in super::bulletin::build(cli, &bulletin)? {
            out!("  {}", path.display())?;
        }
    }
    out!()?;
    out!("Next: vigie report monthly --region lake-chad --month 2023-12 --lang en")?;
    out!("      vigie incidents list --region g5-sahel --from 2023-12 --to 2023-12")?;
    out!()?;
    let secret = vigie_store::totp::decode_secret(DEMO_TOTP_SECRET).context("the demo TOTP secret is base32")?;
    out!(
        "{DEMO_TOTP_ACCOUNT} logs in with a second factor: add the demo TOTP secret {DEMO_TOTP_SECRET} \
         to an authenticator app (a demo secret, public like the demo password; never for real use):"
    )?;
    out!("  {}", vigie_store::totp::otpauth_uri("Vigie", DEMO_TOTP_ACCOUNT, &secret))?;
    Ok(Outcome::Success)
}

/// The demo accounts' password: public, like the accounts themselves.
pub const DEMO_PASSWORD: &str = "vigie-demo-2023";
/// One account a role, and a second analyst for four-eyes approval.
const DEMO_ACCOUNTS: [(&str, Role, &str); 7] = [
    ("admin@vigie.example", Role::Admin, ""),
    ("analyst@vigie.example", Role::Analyst, ""),
    ("analyst2@vigie.example", Role::Analyst, ""),
    ("editor@vigie.example", Role::Editor, ""),
    ("translator@vigie.example", Role::Translator, ""),
    ("delegate.bf@vigie.example", Role::Delegate, "BF"),
    ("viewer@vigie.example", Role::Viewer, ""),
];

/// The demo administrator's second factor (TOTP), base32: public, like
/// the demo password; the browser scenario computes its codes.
pub const DEMO_TOTP_SECRET: &str = "VIGIEDEMOADMINTOTPSECRETJUSTDEMO";
/// The account enrolled with it.
pub const DEMO_TOTP_ACCOUNT: &str = "admin@vigie.example";

/// Creates the demo accounts, their passwords hashed with the real
/// argon2id parameters, and enrols the administrator's second factor with
/// the demo secret (no recovery codes: the secret is printed).
fn demo_accounts(store: &mut dyn vigie_store::Store) -> Result<()> {
    for (email, role, country) in DEMO_ACCOUNTS {
        let countries: Vec<CountryCode> = CountryCode::new(country).into_iter().collect();
        super::user::create(store, email, role, DEMO_PASSWORD, &countries)
            .with_context(|| format!("the demo account {email}"))?;
    }
    let secret = vigie_store::totp::decode_secret(DEMO_TOTP_SECRET).context("the demo TOTP secret is base32")?;
    store.start_totp(DEMO_TOTP_ACCOUNT, &secret)?;
    store.enrol_totp(DEMO_TOTP_ACCOUNT, None, &[], CLI_ACTOR)?;
    let names: Vec<&str> = DEMO_ACCOUNTS.iter().filter_map(|(email, _, _)| email.split('@').next()).collect();
    out!(
        "{} demo accounts ({} @vigie.example), all with the password {DEMO_PASSWORD}: \
         demo accounts only, never for real use (vigie user list)",
        DEMO_ACCOUNTS.len(),
        names.join(", ")
    )?;
    Ok(())
}

/// Imports the demo articles: `articles import` reads a folder, so they are
/// written to a temporary one first.
fn import_articles(store: &mut dyn vigie_store::Store, options: &Options) -> Result<()> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder for the demo articles")?;
    for (name, text) in DEMO_ARTICLES {
        std::fs::write(dir.path().join(name), text).with_context(|| format!("cannot write the demo article {name}"))?;
    }
    std::fs::create_dir_all(dir.path().join("images")).context("cannot create the demo images folder")?;
    for (name, bytes) in DEMO_IMAGES {
        std::fs::write(dir.path().join(name), bytes).with_context(|| format!("cannot write the demo image {name}"))?;
    }
    let summary = vigie_ingest::import_articles(store, dir.path(), options)?;
    loaded(&summary, options, "articles")?;
    let versions = summary.counts.new;
    out!("{versions} article versions in fr, en and ar (vigie articles list)")?;
    Ok(())
}
