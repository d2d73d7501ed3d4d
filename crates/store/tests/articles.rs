//! Articles in SQLite through the `Store` trait: upserts by id and language,
//! the list order (date, id, then fr, en, ar) and filters, images by hash,
//! and what a dropped session leaves.

use vigie_domain::{Article, ArticleImage, ArticleKind, ArticleStatus, Domain, Image, Lang};
use vigie_store::{ArticleFilter, ImportCounts, Store, Upsert};

fn article(id: &str, lang: Lang, date: &str) -> Article {
    Article {
        id: id.into(),
        lang,
        date: date.parse().unwrap(),
        title: format!("{id} in {lang}"),
        subtitle: String::new(),
        kind: ArticleKind::News,
        domains: vec![Domain::Military, Domain::Ideological],
        author: "Salma Benyoussef".into(),
        author_title: "Head of the observatory".into(),
        status: ArticleStatus::Draft,
        featured: false,
        images: Vec::new(),
        body: "Body\n".into(),
    }
}

fn png(pixels: &str) -> Image {
    Image::from_bytes([b"\x89PNG\r\n\x1a\n".as_slice(), pixels.as_bytes()].concat()).unwrap()
}

fn with_image(mut article: Article, image: &Image) -> Article {
    article.images.push(ArticleImage {
        file: "a.png".into(),
        caption: "A caption".into(),
        credit: "Photo: Vigie".into(),
        hash: image.hash.clone(),
        media_type: image.media_type,
    });
    article
}

fn store(dir: &tempfile::TempDir) -> Box<dyn Store> {
    vigie_store::open(dir.path().join("t.db").to_str().unwrap()).unwrap()
}

fn import(store: &mut dyn Store, images: &[&Image], articles: &[Article]) -> Vec<Upsert> {
    let mut session = store.begin_article_import("test", "articles").unwrap();
    for image in images {
        session.put_image(image).unwrap();
    }
    let outcomes = articles.iter().map(|a| session.upsert_article(a).unwrap()).collect();
    session.finish(ImportCounts::default()).unwrap();
    outcomes
}

fn keys(store: &dyn Store, filter: &ArticleFilter) -> Vec<String> {
    store.articles(filter).unwrap().into_iter().map(|a| format!("{}.{}", a.id, a.lang)).collect()
}

#[test]
fn upserts_by_id_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let image = png("one");
    let fr = with_image(article("a", Lang::Fr, "2024-01-02"), &image);
    let en = article("a", Lang::En, "2024-01-02");
    assert_eq!(import(store.as_mut(), &[&image], &[fr.clone(), en.clone()]), [Upsert::New, Upsert::New]);
    assert_eq!(store.articles(&ArticleFilter::default()).unwrap(), [fr.clone(), en.clone()]);
    assert_eq!(import(store.as_mut(), &[&image], &[fr.clone(), en.clone()]), [Upsert::Unchanged, Upsert::Unchanged]);
    let mut changed = en.clone();
    changed.domains.reverse();
    assert_eq!(
        import(store.as_mut(), &[], &[fr.clone(), changed.clone(), changed.clone()]),
        [Upsert::Unchanged, Upsert::Updated, Upsert::Repeated]
    );
    assert_eq!(store.articles(&ArticleFilter::default()).unwrap()[1].domains, [Domain::Ideological, Domain::Military]);
}

#[test]
fn images_are_kept_by_hash_while_an_article_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let first = png("first");
    let second = png("second");
    let fr = with_image(article("a", Lang::Fr, "2024-01-02"), &first);
    let en = with_image(article("a", Lang::En, "2024-01-02"), &first);
    import(store.as_mut(), &[&first, &first, &second], &[fr.clone(), en.clone()]);
    assert_eq!(store.image(&first.hash).unwrap(), Some(first.bytes.clone()));
    assert_eq!(store.image(&second.hash).unwrap(), None, "shown by no article: not kept");
    let moved = with_image(article("a", Lang::Fr, "2024-01-02"), &second);
    assert_eq!(import(store.as_mut(), &[&second], std::slice::from_ref(&moved)), [Upsert::Updated]);
    assert!(store.image(&first.hash).unwrap().is_some(), "the English version still shows it");
    assert_eq!(store.image(&second.hash).unwrap(), Some(second.bytes.clone()));
    let stored = store.articles(&ArticleFilter { lang: Some(Lang::Fr), ..ArticleFilter::default() }).unwrap();
    assert_eq!(stored, [moved]);
}

#[test]
fn order_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let mut published = article("b", Lang::Ar, "2024-01-02");
    published.status = ArticleStatus::Published;
    published.featured = true;
    import(
        store.as_mut(),
        &[],
        &[
            article("c", Lang::En, "2024-02-01"),
            published,
            article("b", Lang::Fr, "2024-01-02"),
            article("a", Lang::En, "2024-01-31"),
            article("b", Lang::En, "2024-01-02"),
        ],
    );
    let all = ArticleFilter::default();
    assert_eq!(keys(store.as_ref(), &all), ["b.fr", "b.en", "b.ar", "a.en", "c.en"]);
    let january = ArticleFilter::month(vigie_domain::Month::parse("2024-01").unwrap());
    assert_eq!(keys(store.as_ref(), &january), ["b.fr", "b.en", "b.ar", "a.en"]);
    let status = ArticleFilter { status: Some(ArticleStatus::Published), ..ArticleFilter::default() };
    assert_eq!(keys(store.as_ref(), &status), ["b.ar"]);
    let featured = ArticleFilter { featured: Some(false), lang: Some(Lang::En), ..ArticleFilter::default() };
    assert_eq!(keys(store.as_ref(), &featured), ["b.en", "a.en", "c.en"]);
    let one = ArticleFilter { id: Some("b".into()), ..ArticleFilter::default() };
    assert_eq!(keys(store.as_ref(), &one), ["b.fr", "b.en", "b.ar"]);
}

#[test]
fn a_dropped_session_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let image = png("x");
    {
        let mut session = store.begin_article_import("test", "articles").unwrap();
        session.put_image(&image).unwrap();
        session.upsert_article(&with_image(article("a", Lang::Fr, "2024-01-02"), &image)).unwrap();
    }
    assert!(store.articles(&ArticleFilter::default()).unwrap().is_empty());
    assert_eq!(store.image(&image.hash).unwrap(), None);
}

fn audit_entries(store: &dyn Store) -> Vec<String> {
    let filter = vigie_store::AuditFilter { entity: Some("article".into()), ..Default::default() };
    store
        .audit(&filter)
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.entity_id.unwrap_or_default()))
        .collect()
}

fn entry(action: &str) -> vigie_domain::AuditEntry {
    vigie_domain::AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "editor@vigie.example", action, "article", Some("a/fr"))
}

#[test]
fn versions_written_in_the_web_come_with_their_images_and_audit_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let image = png("web");
    let version = with_image(article("a", Lang::Fr, "2024-02-01"), &image);
    assert!(store.create_article(&version, std::slice::from_ref(&image), &entry("article.create")).unwrap());
    assert_eq!(store.articles(&ArticleFilter::default()).unwrap(), std::slice::from_ref(&version));
    assert_eq!(store.image(&image.hash).unwrap(), Some(image.bytes.clone()));
    // creating it again, or replacing a version that does not exist, writes nothing
    assert!(!store.create_article(&version, &[], &entry("article.create")).unwrap());
    assert!(!store.update_article(&article("b", Lang::Fr, "2024-02-01"), &[], &entry("article.update")).unwrap());
    assert_eq!(audit_entries(store.as_ref()), ["article.create a/fr"]);
    // a change replaces the images as a whole
    let mut changed = article("a", Lang::Fr, "2024-02-01");
    changed.title = "Changed".into();
    assert!(store.update_article(&changed, &[], &entry("article.update")).unwrap());
    assert_eq!(store.articles(&ArticleFilter::default()).unwrap(), [changed]);
    assert_eq!(audit_entries(store.as_ref()), ["article.update a/fr", "article.create a/fr"]);
}

#[test]
fn a_version_whose_image_is_missing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    // the image's bytes were never stored: the foreign key refuses the row
    let version = with_image(article("a", Lang::Fr, "2024-02-01"), &png("absent"));
    assert!(store.create_article(&version, &[], &entry("article.create")).is_err());
    assert!(store.articles(&ArticleFilter::default()).unwrap().is_empty());
    assert!(audit_entries(store.as_ref()).is_empty(), "the audit entry went with the version");
}
