//! The command line: subcommands, flags and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "vigie",
    version,
    about = "Observatory of terrorist incidents and monthly bulletin platform",
    long_about = "Vigie records terrorist incidents in member states, imports the datasets analysts use, \
                  and computes the monthly regional statistics of the bulletin.\n\n\
                  Start with `vigie demo`, then `vigie report monthly --region g5-sahel --month 2023-12`."
)]
pub struct Cli {
    /// The SQLite database file, created on first use.
    #[arg(long, global = true, env = "VIGIE_DB", default_value = "vigie.db", value_name = "PATH")]
    pub db: PathBuf,

    /// A region groups file (TOML) replacing the shipped defaults. Given
    /// before the command (`vigie --regions FILE report …`): `bulletin
    /// --regions` names the issue's region groups.
    #[arg(long, env = "VIGIE_REGIONS", value_name = "FILE")]
    pub regions: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (or bring its schema up to date).
    Init,
    /// Import incidents from native CSV or JSON Lines files (`-` reads stdin).
    Import(ImportArgs),
    /// List or show incidents.
    #[command(subcommand)]
    Incidents(IncidentsCommand),
    /// Export incidents: native CSV or JSON Lines (which import back), or
    /// GeoJSON (QGIS, GDAL).
    Export(ExportArgs),
    /// List likely duplicates: the same operation reported twice (same
    /// country, a day apart at most, method or perpetrator agreeing, close
    /// when both are located), best first.
    Duplicates(DuplicatesArgs),
    /// Merge the incident DROP into KEEP: KEEP also carries DROP's id, the
    /// merge is logged, DROP is deleted.
    Merge {
        /// The incident to keep.
        keep: String,
        /// The duplicate to fold into it.
        drop: String,
    },
    /// Statistics reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// The coalition's member states and their national days: import the
    /// register, list it.
    #[command(subcommand)]
    Members(MembersCommand),
    /// The coalition's partners and the agreements signed with them: import
    /// the register, list it.
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// The coalition's own activities (delegations, visits, conferences,
    /// workshops…): import the register, list it. Reports: `vigie report
    /// year` and `vigie report timeline`.
    #[command(subcommand)]
    Activities(ActivitiesCommand),
    /// The analysts' developments notes, one per region group, month and
    /// country, in fr/en/ar: import them, list them.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// The organisations the coalition works with (regional organisations,
    /// UN bodies, ministries, armed forces, universities…), which
    /// activities name as counterparts: import the register, list it.
    /// Report: `vigie report cooperation --org ID`.
    #[command(subcommand)]
    Organisations(OrganisationsCommand),
    /// The labels of the themes activities are tagged with beside the
    /// domains of action (`online-recruitment`, `sahel`): import them, list
    /// them. A tag without a label shows as the tag.
    #[command(subcommand)]
    Themes(ThemesCommand),
    /// The bulletin's articles, one Markdown file per language version:
    /// import a folder of them, list the stories and their missing
    /// translations, show one.
    #[command(subcommand)]
    Articles(ArticlesCommand),
    /// Compose the monthly bulletin and print its editions: PDF and HTML in
    /// French, English and Arabic, written as DIR/bulletin-N-YYYY-MM.LANG.pdf
    /// and .html.
    Bulletin(BulletinArgs),
    /// List the region groups of the statistics.
    Regions(ListArgs),
    /// List perpetrator groups, or add groups and aliases.
    Groups(GroupsArgs),
    /// List countries, or find the country a code or name means.
    Countries(CountriesArgs),
    /// Build the demo database and print the demo report.
    Demo(DemoArgs),
    /// Write a consistent copy of the database to FILE (a new file), also
    /// while `vigie serve` or an import writes to it: SQLite's online
    /// backup, then an integrity check. The sign-in journal is included;
    /// sessions are not.
    Backup {
        /// The copy to write; it must not exist.
        file: PathBuf,
    },
    /// Replace the database's whole content with a backup written by `vigie
    /// backup` (checked first); every web session ends. The database must
    /// be empty or new, unless --replace.
    Restore {
        /// The backup to restore.
        file: PathBuf,
        /// Replace a database that holds data.
        #[arg(long)]
        replace: bool,
    },
    /// User accounts of the web application: add one, change its password,
    /// disable or enable it, list them. Passwords are read from standard
    /// input when it is not a terminal (one line), else asked twice.
    #[command(subcommand)]
    User(UserCommand),
    /// Personal access tokens of the API: make one for an account (shown
    /// once), list them with their last use, revoke one.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The audit log: who changed what, when, field by field; latest first.
    Audit(AuditArgs),
    /// Serve the web application on the database until Ctrl-C.
    Serve(ServeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Native CSV or JSON Lines, whatever the header says.
    Native,
    Csv,
    Jsonl,
    /// An ACLED export.
    Acled,
    /// A UCDP GED file.
    Ucdp,
    /// The Global Terrorism Database.
    Gtd,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StatusArg {
    Draft,
    Verified,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The format; by default JSON Lines by extension (.jsonl, .ndjson) or
    /// content, and a CSV file's layout (native, ACLED, UCDP GED, GTD) from
    /// its header.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// ACLED: keep protests, riots and strategic developments (left out
    /// otherwise: they are not terrorist operations).
    #[arg(long)]
    pub all_events: bool,
    /// Import the valid rows and skip the invalid ones (default: one bad row
    /// and nothing is written).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write the rejected rows, with a `reason` column, to this file (CSV,
    /// or JSON Lines if it ends in .jsonl).
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Create perpetrator groups for names the register does not know.
    #[arg(long)]
    pub new_groups: bool,
    /// The status of rows without a `status` value (default: draft for the
    /// native formats, verified for ACLED, UCDP and GTD).
    #[arg(long, value_enum)]
    pub default_status: Option<StatusArg>,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum IncidentsCommand {
    /// List the incidents that match the filters, by date.
    List(ListIncidentsArgs),
    /// Show one incident.
    Show(ShowIncidentArgs),
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Countries (codes or names), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// A region group id (see `vigie regions`).
    #[arg(long, value_name = "ID")]
    pub region: Option<String>,
    /// First day, YYYY-MM-DD (or a month, YYYY-MM).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (or a month, YYYY-MM).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Perpetrator groups (ids, names or aliases), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "GROUP")]
    pub perpetrator: Vec<String>,
    /// Target sector codes, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub target: Vec<String>,
    /// Modus operandi codes, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub method: Vec<String>,
    /// draft or verified.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Text to find in id, description, places and sources (case and
    /// accents ignored).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ListIncidentsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
    /// At most this many incidents.
    #[arg(long)]
    pub limit: Option<u64>,
    /// Language of the table's labels.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    /// RFC 7946 FeatureCollection of points; incidents without coordinates
    /// are left out (and counted).
    Geojson,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// The file to write (standard output when absent); written whole or
    /// not at all.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// At most this many incidents.
    #[arg(long)]
    pub limit: Option<u64>,
    /// Language of the GeoJSON labels (country, perpetrator, target, method).
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Pairs scoring below this (0 to 1) are not listed.
    #[arg(long, default_value_t = 0.5)]
    pub min_score: f64,
    /// Located incidents further apart than this are not the same operation.
    #[arg(long, default_value_t = vigie_domain::duplicates::DEFAULT_MAX_KM)]
    pub max_km: f64,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DuplicatesFormat,
    /// At most this many pairs.
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DuplicatesFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowIncidentArgs {
    pub id: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ShowFormat,
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    Fr,
    En,
    Ar,
}

impl LangArg {
    pub fn lang(self) -> vigie_domain::Lang {
        match self {
            LangArg::Fr => vigie_domain::Lang::Fr,
            LangArg::En => vigie_domain::Lang::En,
            LangArg::Ar => vigie_domain::Lang::Ar,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Operations and victims per country of a region, this month against
    /// last month, with breakdowns by target, perpetrator and method.
    Monthly(MonthlyArgs),
    /// The national days of the member states that fall in a month, by date,
    /// with the day's name (see `vigie members`).
    NationalDays(NationalDaysArgs),
    /// The year in numbers: the coalition's activities of each kind, and its
    /// agreements with partners (see `vigie activities`, `vigie partners`).
    Year(YearArgs),
    /// The key highlights of a year (or of one of its months), month by
    /// month: the activities with a `highlight` position.
    Timeline(TimelineArgs),
    /// The figures of published issues that changed since: per published
    /// month and region, each cell whose value today differs from the one
    /// printed (published → current), with the incidents responsible.
    Revisions(RevisionsArgs),
    /// What the coalition did with one organisation, year by year: the
    /// activities naming it among their counterparts, the agreements of the
    /// partner it is, and the stories those activities are told in (see
    /// `vigie organisations`).
    Cooperation(CooperationArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
    Md,
}

#[derive(Debug, Args)]
pub struct MonthlyArgs {
    /// Region group id (see `vigie regions`).
    #[arg(long, value_name = "ID")]
    pub region: String,
    /// The month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
    /// Count draft (unverified) incidents too.
    #[arg(long)]
    pub include_drafts: bool,
    /// Count the incidents of state forces too (left out by default: they
    /// are not terrorist operations).
    #[arg(long)]
    pub include_state_actors: bool,
    /// List the incidents behind every figure (text, Markdown), or give
    /// each row its `incident_ids` and the incidents (JSON).
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct NationalDaysArgs {
    /// The month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
}

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Import member states and their national days from CSV or JSON Lines
    /// files (`-` reads stdin). A member is its country: importing it again
    /// replaces its joined date, title and national days.
    Import(RejectingImportArgs),
    /// List the member states with their national days.
    List(MembersListArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RegisterFormat {
    /// `country,joined,national_day,name_fr,name_en,name_ar,representative_title`,
    /// one row per national day (MM-DD).
    Csv,
    /// One object a member, its national days in a list.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MembersListFormat {
    Table,
    /// The import CSV (imports back to the same register).
    Csv,
    /// The import JSON Lines (imports back to the same register).
    Jsonl,
    /// One JSON array of the JSON Lines objects.
    Json,
}

#[derive(Debug, Args)]
pub struct MembersListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: MembersListFormat,
    /// Language of the table's country and day names.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Subcommand)]
pub enum PartnersCommand {
    /// Import partners, or agreements with them, from CSV or JSON Lines files
    /// (`-` reads stdin). A CSV holds partners
    /// (`id,name_fr,name_en,name_ar,scope,kind`) or agreements
    /// (`partner,title_fr,title_en,title_ar,signed,areas,reference`, areas
    /// separated by ` ; `), as its header says; an agreement's partner must be
    /// in the database or earlier in the import. A partner is its id:
    /// importing it again updates it; so is an agreement its partner, date
    /// and titles.
    Import(RegisterImportArgs),
    /// List the partners (or, with --agreements, their agreements).
    List(PartnersListArgs),
}

#[derive(Debug, Args)]
pub struct PartnersListArgs {
    /// `csv` is the partner CSV (or, with --agreements, the agreement CSV);
    /// `jsonl` the partner objects then the agreement objects; `json` one
    /// array of partners with their agreements. All but the table import back.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MembersListFormat,
    /// List the agreements instead of the partners (table and csv).
    #[arg(long)]
    pub agreements: bool,
    /// Language of the table's names and titles.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Subcommand)]
pub enum ArticlesCommand {
    /// Import the article files (`*.md`) of a folder, in file name order.
    /// Each starts with a front matter block, TOML between `+++` lines or
    /// YAML between `---` lines: `id` (the story, shared by its
    /// translations), `lang` (fr, en or ar), `date` (YYYY-MM-DD), `title`,
    /// and optionally `subtitle`, `kind` (news, opinion, feature), `domains`
    /// (ideological, communication, counter_financing, military), `author`,
    /// `status` (draft, published), `featured` (true, false) and `images`
    /// (a list of `{ file = "photo.jpg", caption = "…" }`, files beside the
    /// article, PNG, JPEG or SVG). The Markdown body follows. A version is its
    /// id and language: importing it again updates it.
    Import(ArticlesImportArgs),
    /// List the stories, one row each, with the languages they are written
    /// in and the translations missing.
    List(ArticlesListArgs),
    /// Print a story's versions as they were imported: front matter (TOML)
    /// and Markdown body.
    Show(ArticlesShowArgs),
}

#[derive(Debug, Args)]
pub struct ArticlesImportArgs {
    /// The folder holding the article files and their images.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Import the valid articles and skip the invalid ones (default: one bad
    /// file and nothing is written).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ArticleStatusArg {
    Draft,
    Published,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ArticlesListFormat {
    /// One row per story, the missing translations in their own column.
    Table,
    /// One row per language version, with the story's other languages.
    Csv,
    /// One story object per line.
    Jsonl,
    /// One array of story objects.
    Json,
}

#[derive(Debug, Args)]
pub struct ArticlesListArgs {
    /// Only versions dated in this month (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// Only versions with this status; missing then means without a version
    /// of that status.
    #[arg(long, value_enum)]
    pub status: Option<ArticleStatusArg>,
    /// Only featured versions.
    #[arg(long)]
    pub featured: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ArticlesListFormat,
    /// Language of the table's titles (else English, French, Arabic).
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct ArticlesShowArgs {
    /// The story's id.
    pub id: String,
    /// Only this language version (default: all of them, fr, en, ar).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct GroupsArgs {
    #[command(subcommand)]
    pub command: Option<GroupsCommand>,
    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Add a perpetrator group to the register.
    Add {
        /// Stable id: lower-case letters, digits and hyphens (e.g. katiba-serma).
        id: String,
        /// Name in every language unless --name-fr/--name-en/--name-ar say otherwise.
        #[arg(long)]
        name: String,
        #[arg(long)]
        name_fr: Option<String>,
        #[arg(long)]
        name_en: Option<String>,
        #[arg(long)]
        name_ar: Option<String>,
        /// Other names the group is known by (repeatable).
        #[arg(long)]
        alias: Vec<String>,
        /// What kind of actor it is; state forces are left out of the
        /// terrorism statistics.
        #[arg(long, value_enum, default_value = "unknown")]
        kind: GroupKindArg,
    },
    /// Add an alias to a group.
    Alias { id: String, alias: String },
    /// Name a group in one language or more (a group an import created has
    /// the name it met in every language until it is named); audited.
    Name {
        id: String,
        #[arg(long)]
        name_fr: Option<String>,
        #[arg(long)]
        name_en: Option<String>,
        #[arg(long)]
        name_ar: Option<String>,
    },
    /// Set what kind of actor a group is (audited); the terrorism
    /// statistics leave out the incidents of state forces.
    Kind {
        id: String,
        #[arg(value_enum)]
        kind: GroupKindArg,
    },
}

/// `vigie_domain::GroupKind`, for clap.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum GroupKindArg {
    /// A jihadist organisation.
    Jihadist,
    /// Another non-state armed group (separatist, rebel).
    ArmedGroup,
    /// A militia (communal, ethnic, political, self-defence).
    Militia,
    /// A state's own forces (army, police, government): left out of the
    /// terrorism statistics.
    StateForces,
    Unknown,
}

impl GroupKindArg {
    pub fn kind(self) -> vigie_domain::GroupKind {
        use vigie_domain::GroupKind;
        match self {
            GroupKindArg::Jihadist => GroupKind::Jihadist,
            GroupKindArg::ArmedGroup => GroupKind::ArmedGroup,
            GroupKindArg::Militia => GroupKind::Militia,
            GroupKindArg::StateForces => GroupKind::StateForces,
            GroupKindArg::Unknown => GroupKind::Unknown,
        }
    }
}

#[derive(Debug, Args)]
pub struct CountriesArgs {
    /// A code or name to resolve; without it, all countries are listed.
    pub query: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    pub addr: std::net::SocketAddr,
    /// Mark the session cookies Secure (browsers then send them over HTTPS
    /// only): turn it on behind HTTPS; off by default for http://127.0.0.1.
    #[arg(long)]
    pub secure_cookies: bool,
    /// How many API requests a token may send a minute (a 429 answer with
    /// Retry-After beyond), in bursts of up to a fifth of it.
    #[arg(long, default_value_t = 600, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub api_rate: u32,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Language of the printed report.
    #[arg(long, value_enum, default_value = "fr")]
    pub lang: LangArg,
    /// Replace the database even if it holds data other than the demo's.
    #[arg(long)]
    pub force: bool,
    /// Where the demo bulletin (no. 58, December 2023: PDF and HTML in fr,
    /// en and ar) is written.
    #[arg(long, value_name = "DIR", default_value = "bulletin")]
    pub bulletin: PathBuf,
    /// Do not print the demo bulletin.
    #[arg(long, conflicts_with = "bulletin")]
    pub no_bulletin: bool,
}

#[derive(Debug, Subcommand)]
pub enum OrganisationsCommand {
    /// Import organisations from CSV or JSON Lines files (`-` reads stdin):
    /// `id,kind,country,partner,name_fr,name_en,name_ar`; kind is one of
    /// regional_organisation, un_body, government_body, armed_forces,
    /// academic, ngo, company. An organisation is its id: importing it again
    /// updates it. Import them before the activities that name them.
    Import(RegisterImportArgs),
    /// List the organisations.
    List(OrganisationsListArgs),
}

#[derive(Debug, Subcommand)]
pub enum ThemesCommand {
    /// Import themes from CSV or JSON Lines files (`-` reads stdin):
    /// `id,label_fr,label_en,label_ar`, the id the tag activities carry, at
    /// least one label. A theme is its id: importing it again updates it.
    Import(RegisterImportArgs),
    /// List the themes.
    List(OrganisationsListArgs),
}

#[derive(Debug, Args)]
pub struct OrganisationsListArgs {
    /// `csv` and `jsonl` import back.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MembersListFormat,
    /// Language of the table's names.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Import developments notes from CSV or JSON Lines files (`-` reads
    /// stdin): `region,month,country,text_fr,text_en,text_ar`, at least one
    /// text; the country must be in the region group's table for that month.
    /// A note is its region, month and country: importing it again updates
    /// its texts.
    Import(RejectingImportArgs),
    /// List the notes, by region, month, then country.
    List(NotesListArgs),
}

#[derive(Debug, Args)]
pub struct NotesListArgs {
    /// Only this region group's notes.
    #[arg(long, value_name = "ID")]
    pub region: Option<String>,
    /// Only this month's notes (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM", conflicts_with = "year")]
    pub month: Option<String>,
    /// Only this year's notes.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i16>,
    /// Only this country's notes (code or name).
    #[arg(long)]
    pub country: Option<String>,
    /// `csv` and `jsonl` import back; `json` is one array of the JSON Lines
    /// objects.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MembersListFormat,
    /// Language of the table's texts (the others when that one is empty).
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Subcommand)]
pub enum ActivitiesCommand {
    /// Import activities from CSV or JSON Lines files (`-` reads stdin). The
    /// columns: id, kind, date (YYYY-MM-DD, or YYYY-MM), end_date, title_fr,
    /// title_en, title_ar, counterpart_country, counterpart_org_fr/_en/_ar,
    /// counterpart_person, counterpart_person_ar, counterpart_title_fr/_en/_ar,
    /// domains (separated by ` ; `), place_fr/_en/_ar, description_fr/_en/_ar,
    /// article, highlight, organisations, themes (the single
    /// counterpart_org, counterpart_title, place and description of earlier
    /// files are read as English). An activity is its id: importing it again
    /// updates it. A file whose header has an `activity` column (a JSON Lines
    /// object with an `activity` key) is the counterparts file instead: a row
    /// a further person of an activity (activity, organisation, person,
    /// person_ar, title_fr, title_en, title_ar), whose activity is in the
    /// register or earlier in the import; the people an import gives an
    /// activity replace those it had.
    Import(RejectingImportArgs),
    /// List the activities that match, by date, then highlight, then id.
    List(ActivitiesListArgs),
}

#[derive(Debug, Args)]
pub struct ActivitiesListArgs {
    /// Only this year's activities.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i16).range(1..=9999))]
    pub year: Option<i16>,
    /// Only this month's activities (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM", conflicts_with = "year")]
    pub month: Option<String>,
    /// Only activities of these kinds (repeatable, or comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<String>,
    /// Only activities with this counterpart country (code or name).
    #[arg(long)]
    pub country: Option<String>,
    /// `csv` and `jsonl` import back; `json` is one array of the JSON Lines
    /// objects, each with its `people`.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MembersListFormat,
    /// Write the counterparts file of the activities that match (their
    /// further people, a row a person) instead of the activities.
    #[arg(long)]
    pub people: bool,
    /// Language of the table's titles (another when that one is empty).
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct YearArgs {
    /// The year, YYYY.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i16).range(1..=9999))]
    pub year: i16,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The year, YYYY.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i16).range(1..=9999))]
    pub year: i16,
    /// Only this month of the year, 1 to 12.
    #[arg(long, value_name = "MM", value_parser = clap::value_parser!(i8).range(1..=12))]
    pub month: Option<i8>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct CooperationArgs {
    /// The organisation's id (see `vigie organisations list`).
    #[arg(long, value_name = "ID")]
    pub org: String,
    /// The first month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,
    /// The last month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct RevisionsArgs {
    /// Only the months from this one on (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub since: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
    #[arg(long, value_enum, default_value = "en", env = "VIGIE_LANG")]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BulletinLang {
    Fr,
    En,
    Ar,
    All,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BulletinFormat {
    Pdf,
    Html,
    Both,
    /// The edition as the templates see it (every text localised), for
    /// checking or for other tools.
    Json,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct BulletinArgs {
    #[command(subcommand)]
    pub command: Option<BulletinCommand>,
    /// The month the issue covers (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM", required_unless_present = "issue")]
    pub month: Option<String>,
    /// The issue's number.
    #[arg(long, required_unless_present = "issue")]
    pub number: Option<u32>,
    /// An issue file (TOML): number, month, featured = [story ids in the
    /// cover's order], regions, editorial, year_review, standing_pages,
    /// casualty_ranges. The
    /// flags given beside it override it.
    #[arg(long, value_name = "FILE")]
    pub issue: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "all")]
    pub lang: BulletinLang,
    #[arg(long, value_enum, default_value = "both")]
    pub format: BulletinFormat,
    /// Region groups of the statistics section, in order, comma-separated
    /// (default g5-sahel).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub regions: Vec<String>,
    /// Story ids of the cover, in order, comma-separated (default: the
    /// month's featured stories).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub featured: Vec<String>,
    /// Review the year (year in numbers and timeline), as December does.
    #[arg(long)]
    pub year_review: bool,
    /// Print the low–high range of the victims beside a figure whose
    /// incidents give one, "98 (90–120)" (UCDP's estimates).
    #[arg(long)]
    pub casualty_ranges: bool,
    /// Refuse to build when a text of the data would print in another
    /// language than its edition's (they are listed either way).
    #[arg(long)]
    pub strict: bool,
    /// The organisation profile (TOML) of the standing pages; default: the
    /// demo organisation's.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The folder the files are written to (created if needed).
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Build a revision of a published issue (58.1, then 58.2, …), which
    /// corrects it, with the reason printed beside it; the published issue
    /// stays as it was. A published issue is never built again otherwise.
    #[arg(long, value_name = "REASON")]
    pub revise: Option<String>,
}

/// What `vigie bulletin` does besides building an issue. A build of every
/// language in PDF and HTML (the default) is kept in the database as the
/// issue's draft, which `publish` freezes.
#[derive(Debug, Subcommand)]
pub enum BulletinCommand {
    /// Publish the draft of issue NUMBER (its last build, or its revision's):
    /// its six files and the report models it printed are frozen, and no
    /// role or command can change them again.
    Publish {
        /// The issue's number.
        #[arg(long)]
        number: u32,
    },
    /// List the issues and their revisions: status, dates, who, reason,
    /// and the SHA-256 of each file.
    List,
    /// Write the files of an issue or revision (58, 58.1) as the database
    /// keeps them, byte for byte.
    Files {
        /// The issue (58) or revision (58.1).
        #[arg(long, value_name = "LABEL")]
        issue: String,
        /// The folder the files are written to (created if needed).
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        output: PathBuf,
    },
}

/// The flags of every register import (members, partners, activities,
/// notes).
#[derive(Debug, Args)]
pub struct RegisterImportArgs {
    /// Files to import, in order; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The format; by default JSON Lines by extension (.jsonl, .ndjson) or
    /// content, CSV otherwise.
    #[arg(long, value_enum)]
    pub format: Option<RegisterFormat>,
    /// Import the valid records and skip the invalid ones (default: one bad
    /// record and nothing is written).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// A register import that can also write its rejected records.
#[derive(Debug, Args)]
pub struct RejectingImportArgs {
    #[command(flatten)]
    pub import: RegisterImportArgs,
    /// Write the rejected records, with a `reason` column, to this file (CSV,
    /// or JSON Lines if it ends in .jsonl).
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account. The password (at least 12 characters) is read from
    /// standard input when it is not a terminal (one line), else asked
    /// twice without echo.
    Add(UserAddArgs),
    /// Change an account's password (read as for `add`).
    Passwd(UserEmailArgs),
    /// Disable an account: it can no longer log in.
    Disable(UserEmailArgs),
    /// Enable a disabled account again.
    Enable(UserEmailArgs),
    /// List the accounts, by email (never their password hashes), with
    /// whether each has a second factor.
    List(UserListArgs),
    /// Remove an account's second factor (TOTP) and recovery codes, e.g.
    /// after a lost phone: its web sessions end, and it logs in with its
    /// password alone, or enrols again if its role requires a second factor.
    TotpReset(UserEmailArgs),
    /// Show, or set with --require, the roles whose accounts must log in
    /// with a second factor (TOTP); an account of such a role without one
    /// enrols at its next login.
    TotpRoles(TotpRolesArgs),
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token that acts as the account --user (its role, its
    /// countries), within --scope, until --expires: the secret is printed
    /// once, on standard output, and only its hash is kept.
    Create(TokenCreateArgs),
    /// The tokens, every account's or --user's: name, scope, expiry, last
    /// use, state (never a secret).
    List(TokenListArgs),
    /// Revoke a token at once: every request with it is refused from now on.
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// The account the token acts as (email).
    #[arg(long, value_name = "EMAIL")]
    pub user: String,
    /// read (GET only) or write (also create, change, approve).
    #[arg(long, default_value = "read")]
    pub scope: String,
    /// Its life, in days (e.g. 90d; at most 366d).
    #[arg(long, default_value = "90d", value_name = "DAYS")]
    pub expires: String,
    /// What it is for (shown in lists and in the audit log).
    #[arg(long, default_value = "command line")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct TokenListArgs {
    /// Only this account's tokens (email).
    #[arg(long, value_name = "EMAIL")]
    pub user: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's id (`vigie token list`).
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct TotpRolesArgs {
    /// The roles that require a second factor from now on, comma-separated
    /// (admin, analyst, editor, delegate, viewer); `none` for none. Without
    /// it, the roles are shown.
    #[arg(long, value_delimiter = ',', value_name = "ROLE")]
    pub require: Option<Vec<String>>,
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The account's email address, its login.
    #[arg(long)]
    pub email: String,
    /// admin, analyst, editor, delegate (of --country) or viewer.
    #[arg(long)]
    pub role: String,
    /// A delegate's member states (codes or names), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "COUNTRY")]
    pub country: Vec<String>,
}

#[derive(Debug, Args)]
pub struct UserEmailArgs {
    /// The account's email address.
    #[arg(long)]
    pub email: String,
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only changes made by this user (email), or `cli` for the command line.
    #[arg(long, value_name = "EMAIL")]
    pub actor: Option<String>,
    /// Only changes to this kind of record: user, incident, …
    #[arg(long)]
    pub entity: Option<String>,
    /// Only this action: user.add, user.passwd, user.disable, user.enable, …
    #[arg(long)]
    pub action: Option<String>,
    /// Only changes made through this API token (its id, `vigie token list`).
    #[arg(long, value_name = "ID")]
    pub token: Option<i64>,
    /// From this day (YYYY-MM-DD, UTC), inclusive.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this day (YYYY-MM-DD, UTC), inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// At most this many entries, the latest.
    #[arg(long)]
    pub limit: Option<u64>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}
