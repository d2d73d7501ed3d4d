## Vigie — English catalogue

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-year = { $month } { $year }
date-long = { $day } { $month } { $year }
date-day-month = { $day } { $month }

## Target sectors
target-military = Military
target-security = Security forces and police
target-government = Government and officials
target-civilians = Civilians
target-religious = Religious figures and places
target-education = Education
target-business = Businesses
target-infrastructure = Infrastructure
target-humanitarian = NGOs and aid workers
target-media = Journalists and media
target-diplomatic = Diplomatic and international missions
target-armed_groups = Armed groups and militias
target-other = Other
target-unknown = Unknown

## Modus operandi
method-armed_assault = Armed assault
method-ambush = Ambush
method-explosive = IED or landmine
method-suicide = Suicide attack
method-indirect_fire = Indirect fire (mortars, rockets)
method-drone = Drone attack
method-kidnapping = Kidnapping
method-hostage_taking = Hostage taking
method-assassination = Assassination
method-facility_attack = Facility attack, arson
method-other = Other
method-unknown = Unknown

status-draft = draft
status-verified = verified

## Monthly report
report-title = Terrorism in { $region } in { $month }
report-col-country = Country
report-col-operations = Terrorist operations
report-col-victims = Victims (killed and wounded)
report-col-operations-short = Operations
report-col-victims-short = Victims
report-total = Total
report-summary = In { $month }, { $region } saw { $operations ->
        [up] a rise in terrorist operations ({ $operations_pct })
        [down] a fall in terrorist operations ({ $operations_pct })
        [new] a rise in terrorist operations, from none
        [none] no terrorist operations
       *[same] a steady number of terrorist operations
    } and { $victims ->
        [up] a rise in the number of people killed and wounded ({ $victims_pct })
        [down] a fall in the number of people killed and wounded ({ $victims_pct })
        [new] a rise in the number of people killed and wounded, from none
        [none] no one killed or wounded
       *[same] a steady number of people killed and wounded
    } compared with { $previous }.
report-by-target = Targeted sectors
report-by-perpetrator = Terrorist operations and victims by perpetrator
report-by-method = Victims by modus operandi
report-breakdown-key = Category
report-no-operations = No terrorist operations this month.
report-unknown-casualties = { $count ->
        [one] One incident of { $month } has unknown casualty figures (counted as 0).
       *[other] { $count } incidents of { $month } have unknown casualty figures (counted as 0).
    }
report-drafts-included = Draft (unverified) incidents are included.
report-victims-range = { $best } ({ $low }–{ $high })
report-ranges-note = Figures in brackets: the range between the lowest and highest estimates of the killed, where sources disagree; the figure before them sums the best estimates.
report-state-actors-left-out = { $count ->
        [one] 1 event attributed to state forces left out (not a terrorist operation).
       *[other] { $count } events attributed to state forces left out (not terrorist operations).
    }
report-state-actors-included = Events attributed to state forces are counted too.
explain-title = Incidents behind each figure
explain-row = { $row }, { $month }: { $operations ->
        [one] 1 operation
       *[other] { $operations } operations
    }, { $victims ->
        [one] 1 victim
       *[other] { $victims } victims
    }
explain-col-id = Id
explain-col-date = Date
explain-col-place = Place
explain-col-perpetrator = Perpetrator
explain-col-killed = Killed
explain-col-wounded = Wounded
explain-col-kidnapped = Kidnapped
explain-col-sources = Sources
revisions-title = Figures revised since publication
revisions-none = { $months ->
        [one] The figures of the published month are unchanged.
       *[other] The figures of the { $months } published months are unchanged.
    }
revisions-nothing-published = No issue has been published yet: there is nothing to compare.
revisions-month = { $month }, { $region } (issue { $issue })
revisions-operations = { $row }: operations
revisions-victims = { $row }: victims
revisions-col-figure = Figure
revisions-col-published = Published
revisions-col-current = Now
revisions-col-incidents = Incidents responsible
revisions-added = added
revisions-removed = no longer counted
revisions-changed = { $before } → { $after } victims
revisions-box-note = These figures were corrected after the issue that published them; the table above counts today's.
report-previous-revised = The { $month } figures are today's; issue { $issue } published { $operations } operations and { $victims } victims.
report-verified-only = Verified incidents only.
report-former-members = Former members included as the group reports them: { $members }.
report-former-member = { $country } (until { $until })
report-excluded-members = Not in the table (not a member that month): { $members }.
report-future-member = { $country } (from { $from })

## Charts
chart-legend-operations = Terrorist operations
chart-legend-victims = Killed and wounded
chart-axis-operations = Number of terrorist operations
chart-axis-victims = Number of people killed and wounded
chart-axis-count = Number
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
chart-trend-title = Trend over twelve months
chart-map-title = Incidents of { $month }
chart-map-exact = Exact location
chart-map-approximate = Approximate location
chart-map-region = Region only
chart-map-size = Killed and wounded:
chart-map-counts = { $shown ->
        [one] 1 incident shown
       *[other] { $shown } incidents shown
    }, { $missing } without coordinates

## National days of the member states
national-days-title = National days of the member states in { $month }
national-days-col-date = Date
national-days-col-country = Member state
national-days-col-name = National day
national-days-none = No member state has its national day in { $month }.
national-days-col-message = Message
organisation-kind-regional_organisation = regional organisation
organisation-kind-un_body = UN body
organisation-kind-government_body = government body
organisation-kind-armed_forces = armed forces
organisation-kind-academic = academic
organisation-kind-ngo = NGO
organisation-kind-company = company
cooperation-people = with { $people }
cooperation-activities = { $count ->
    [one] One activity
   *[other] { $count } activities
}
cooperation-agreements = { $count ->
    [one] One agreement
   *[other] { $count } agreements
}
cooperation-stories = { $count ->
    [one] One story
   *[other] { $count } stories
}
cooperation-partner-line = Partner: { $name }
cooperation-undated = Agreements whose date is not on record
cooperation-none = No activity, agreement or story is linked to this organisation in the period.
bulletin-missing-text = { $edition } edition: { $what } is printed in { $used }
bulletin-missing-empty = { $edition } edition: { $what } is empty in every language
bulletin-missing-note = { $region }: no developments note for { $country }
national-days-rule-register = The national days of the member states that fall in { $month }, from the member register.
national-days-rule-sent = The congratulations the coalition sent to member states in { $month }, from its register of activities.
national-days-none-sent = The register of activities records no congratulations sent in { $month }.
national-days-observed = { $country }: the national day of { $day } is observed on { $date }, as { $year } is not a leap year.

## Activities: kinds (plural by $count), the year in numbers, the timeline
activity-kind-delegation_received = { $count ->
        [one] Delegation received
       *[other] Delegations received
    }
activity-kind-visit_abroad = { $count ->
        [one] Visit abroad
       *[other] Visits abroad
    }
activity-kind-conference = { $count ->
        [one] Conference
       *[other] Conferences
    }
activity-kind-workshop = { $count ->
        [one] Workshop
       *[other] Workshops
    }
activity-kind-training = { $count ->
        [one] Training course
       *[other] Training courses
    }
activity-kind-internal_activity = { $count ->
        [one] Internal activity
       *[other] Internal activities
    }
activity-kind-national_day = { $count ->
        [one] National day celebrated
       *[other] National days celebrated
    }
activity-kind-delegate_accredited = { $count ->
        [one] Delegate accredited
       *[other] Delegates accredited
    }
activity-kind-agreement_signed = { $count ->
        [one] Agreement signing
       *[other] Agreement signings
    }
activity-kind-exhibition = { $count ->
        [one] Exhibition
       *[other] Exhibitions
    }
activity-kind-meeting = { $count ->
        [one] Meeting
       *[other] Meetings
    }
year-title = { $year } in numbers
year-col-category = Category
year-col-count = Number
year-agreements-signed = { $count ->
        [one] Agreement signed in { $year }
       *[other] Agreements signed in { $year }
    }
year-agreements-total = { $count ->
        [one] Partnership agreement in all, by the end of { $year }
       *[other] Partnership agreements in all, by the end of { $year }
    }
timeline-title-year = Key highlights of { $year }
timeline-title-month = Key highlights of { $month }
timeline-none-year = No key highlights are recorded for { $year }.
timeline-none-month = No key highlights are recorded for { $month }.

## Bulletin
bulletin-issue-line = Issue { $number } · { $month }
bulletin-contents = Contents
bulletin-continued = Continued on page
bulletin-page = Page
bulletin-news = News
bulletin-statistics = Terrorism in the regions
bulletin-about = About { $organisation }
bulletin-footer = { $publication } · Issue { $number } · { $month }
bulletin-byline = By { $author }
bulletin-translation-missing = This story has no { $missing } version yet; the { $printed } version is printed.
bulletin-notes-title = The most important political and security developments
bulletin-agreements-title = Agreements signed in { $month }
bulletin-agreements-areas = Areas of cooperation
bulletin-partners-title = Our partners
bulletin-partners-count = { $count ->
        [one] One partner
       *[other] { $count } partners
    }
bulletin-partnerships = { $count ->
        [one] Partnership
       *[other] Partnerships
    }
lang-fr = French
lang-en = English
lang-ar = Arabic
article-kind-news = News
article-kind-opinion = Opinion
article-kind-feature = Feature
domain-ideological = Ideological
domain-communication = Communication
domain-counter_financing = Countering the financing of terrorism
domain-military = Military

## Web application

web-app-name = Vigie
web-nav = Main menu
web-nav-dashboard = Dashboard
web-nav-users = Users
web-nav-audit = Audit log
web-language = Language
web-lang-fr = Français
web-lang-en = English
web-lang-ar = العربية
web-login = Log in
web-login-submit = Log in
web-logout = Log out
web-email = Email
web-password = Password
web-login-failed = Wrong email or password.
web-login-too-many = Too many failed attempts: try again in 15 minutes.
web-login-code-title = Second factor
web-login-code = Code
web-login-code-help = Type the six-digit code your authenticator app shows for Vigie, or one of your recovery codes.
web-login-code-lost = Lost your phone and your recovery codes? An administrator can reset your second factor.
web-login-code-failed = Wrong or already used code.
web-totp-title = Second factor
web-totp-required = Your role requires a second factor: set it up now to finish logging in.
web-totp-step-scan = Scan the QR code with an authenticator app (or type the secret below into it).
web-totp-step-confirm = Type the six-digit code the app then shows, to confirm.
web-totp-qr = QR code of the secret, for an authenticator app.
web-totp-secret = Secret:
web-totp-uri = Address for the app:
web-totp-confirm = Confirm
web-totp-error-code = This code does not match the secret: check the time of your phone and type the current code.
web-totp-done = Your second factor is set: from now on, each login asks for a code of the app.
web-totp-recovery-title = Recovery codes
web-totp-recovery-help = Keep these codes somewhere safe, away from your phone. Each logs you in once if you lose the app. They are shown only now.
web-totp-continue = Continue
web-totp-renew-help = New recovery codes replace the old ones, used or not: type a current code of the app.
web-totp-renew = New recovery codes
web-totp-renewed = New recovery codes: the old ones no longer work.
web-totp-enrolled = Second factor set since
web-totp-codes-left = Recovery codes left:
web-totp-lost = To replace a lost phone, ask an administrator to reset your second factor, then set a new one here.
web-totp-none = No second factor.
web-totp-reset = Reset the second factor
web-totp-reset-help = For a lost phone: the account's sessions end, and it sets a new second factor (required if its role requires one).
web-totp-column = Second factor
web-totp-roles-title = Second factor by role
web-totp-roles-help = The accounts of a role ticked here log in with a code as well as their password; those without a second factor set one up at their next login (their open sessions end now).
web-totp-roles-legend = Roles that require a second factor
web-totp-roles-save = Save the roles
web-yes = yes
web-no = no
web-home-title = Home
web-home-intro = Published statistics of terrorist operations, from verified incidents only.
web-no-data = No verified incidents yet.
web-back-home = Back to the home page
web-region = Region
web-month = Month
web-show = Show
web-role = Role
web-countries = Countries
web-state = State
web-created = Created
web-active = active
web-disabled = disabled
web-actor = Who
web-action = Action
web-filter = Filter
web-audit-latest = Latest first, 100 entries a page.
web-when = When
web-entity = Record
web-changes = Changes
web-detail = Detail
web-error-csrf = This form has expired or did not come from this site. Reload the page and try again.
web-error-too-large = The form is too large.
web-error-timeout = The form did not arrive in time (the connection stalled). Try again.
web-error-internal = Something went wrong on the server; the error was logged.
web-error-busy = Another process is writing to the database (an import, most likely), and your change could not wait for it: nothing was changed. Try again in a few seconds.
web-error-forbidden = You do not have access to this page.
web-error-not-found = This page does not exist.
web-error-region = Unknown region.
web-error-month = The month must be written YYYY-MM.
web-nav-incidents = Incidents
web-new-incident = New incident
web-search = Search
web-from = From
web-to = To
web-any = any
web-total = Incidents found:
web-page = Page
web-sort-asc = Oldest first
web-sort-desc = Latest first
web-previous = Previous
web-next = Next
web-export-csv = Export CSV
web-export-geojson = Export GeoJSON
web-no-incidents = No incident matches these filters.
web-history = History
web-author = Author
web-approve = Approve
web-reject = Reject
web-comment = Comment
web-review-comment = Comment of the last rejection
web-save-draft = Save as draft
web-form-invalid = Some fields need correcting.
web-error-filter = A filter is not valid (unknown country, group or code, or a date not written YYYY-MM-DD).
web-error-duplicate = An incident with these values exists already.
web-error-comment = A rejection needs a comment.
web-error-verified = This incident is verified already.
web-field-id = Identifier
web-field-date = Date
web-field-date_end = End date
web-field-date_precision = Date precision
web-field-country = Country
web-field-admin1 = Administrative region
web-field-location = Location
web-field-latitude = Latitude
web-field-longitude = Longitude
web-field-geo_precision = Geographic precision
web-field-perpetrator = Perpetrator
web-field-target = Target
web-field-method = Method
web-field-killed = Killed
web-field-killed_low = Killed, low estimate
web-field-killed_high = Killed, high estimate
web-field-wounded = Wounded
web-field-kidnapped = Kidnapped
web-field-perpetrators_killed = Perpetrators killed
web-field-description = Description
web-field-sources = Sources
web-field-status = Status

## Bulletins (web)
web-bulletins = Bulletins
web-bulletin-number = Number
web-bulletin-month = Month
web-bulletin-status = Status
web-bulletin-files = Files
web-bulletin-published = Published
web-bulletin-draft = Draft
web-bulletin-publish = Publish
web-bulletin-none = No bulletin published.
web-bulletin-compose = Compose an issue
web-bulletin-show-articles = Show the month's articles
web-bulletin-featured = Featured stories
web-bulletin-position = Position
web-bulletin-no-articles = No article published this month.
web-bulletin-featured-list = Or their ids, separated by commas
web-bulletin-regions = Regions
web-bulletin-year-review = Year in review
web-bulletin-casualty-ranges = Print the range of the estimates beside a figure, e.g. 98 (90–120)
web-bulletin-build = Build the issue
web-bulletin-editorial = Editorial
web-bulletin-editorial-story = The opinion piece printed first, signed with its author's name and title
web-bulletin-national-days = National days page
web-bulletin-national-days-register = Every member state's national day of the month, from the member register
web-bulletin-national-days-sent = The congratulations the coalition sent (the month's national day activities, with their message)
web-bulletin-highlights = Highlights of the year
web-bulletin-highlights-hint = Up to six stories: the first photo of each, with its caption, on the year page.
web-bulletin-no-photos = No story of the year has a photo.
web-bulletin-tiles = The year in numbers
web-bulletin-tiles-hint = Tick the figures to show, number them in order, and give their label in each language (left empty: the usual words). None ticked: every kind of activity the year counts, then the partnerships.
web-bulletin-tile-shown = Figure
web-bulletin-tile-agreements-signed = Agreements signed in the year
web-bulletin-tile-partnerships = Partnerships in force
web-bulletin-intros = Opening texts
web-bulletin-year-intro = Year page
web-bulletin-partners-intro = Partners page
web-bulletin-check = Check what is missing
web-bulletin-preview-lang = Preview in
web-bulletin-preview = Preview (HTML)
web-bulletin-missing = What the issue still lacks
web-bulletin-missing-none = Nothing is missing: every text is in its edition's language and every country of the tables has its note.
web-bulletin-error-national-days = The national days page takes its rows from the member register or from the congratulations sent
web-bulletin-error-highlights = The highlights panel holds at most six photos
web-bulletin-error-tile-order = A tile's position is a whole number
web-bulletin-error-choices = The editors' choices cannot be printed
web-bulletin-error-number = The number must be a positive whole number.
web-bulletin-error-month = Write the month as YYYY-MM.
web-bulletin-error-featured = No published article has this id.
web-bulletin-error-build = The bulletin could not be built.
web-nav-groups = Groups
web-groups-intro = The perpetrator groups incidents are attributed to. The statistics leave out the incidents of state forces.
web-groups-id = Id
web-groups-name = Name
web-groups-kind = Kind
web-groups-origin = Origin
web-groups-save = Save
group-kind-jihadist = Jihadist organisation
group-kind-armed_group = Other non-state armed group
group-kind-militia = Militia
group-kind-state_forces = State forces
group-kind-unknown = Unknown
group-origin-builtin = Shipped with Vigie
group-origin-added = Added
group-origin-imported = Created by an import
confirm-title = Member states' confirmation of { $month }
confirm-status-confirmed = Confirmed
confirm-status-disputed = Disputed
confirm-status-not_confirmed = Not yet confirmed
confirm-given = by { $by }, { $date }
confirm-undone = The figures changed after this verdict: they need a new one.
confirm-comment = Comment (required to dispute)
confirm-confirm = Confirm these figures
confirm-dispute = Dispute them
confirm-col-country = Country
confirm-col-status = Status
confirm-error-comment = The comment is too long or holds a hidden character.
confirm-error-dispute = Say what is disputed in the comment.
confirm-error-changed = The figures changed since the page was opened: look at them again before confirming.
confirm-footnote = { $mark } Figures not yet confirmed by the member state.
bulletin-refused-published = Issue { $label } is published and frozen: it is never built again. A correction is a revision, built with its reason; it becomes { $next }, and { $label } stays as published.
bulletin-refused-nothing-to-revise = Issue { $number } is not published: there is nothing to revise; build it without a reason.
bulletin-refused-empty-reason = A revision needs a reason.
bulletin-refused-other-month = Issue { $label } covers { $month }: its revision covers the same month.
web-bulletin-reason = Reason of a revision (only to correct a published issue)
web-bulletin-revision = Revision { $label }
web-bulletin-revision-of = revises { $label }: { $reason }
web-bulletin-published-on = published on { $date } by { $by }

## web: articles
web-articles = Articles
web-article-new = New article
web-article-edit = Edit this version
web-article-id = Story id
web-article-id-hint = Lowercase letters, digits and hyphens; the versions of one story in each language share it.
web-article-title = Title
web-article-subtitle = Subtitle
web-article-kind = Kind
web-article-domain = Domain
web-article-domains = Domains
web-article-language = Language
web-article-featured = Featured in the bulletin
web-article-yes = yes
web-article-no = no
web-article-body = Text (Markdown)
web-article-body-hint = Markdown: **bold**, *italics*, [link](https://…), lists, quotes, ## headings. HTML is shown as text.
web-article-images = Images
web-article-caption = Caption
web-article-credit = Credit
web-article-author-title = Author's title
web-article-image-remove = Remove
web-article-image-add = Add an image
web-article-image-hint = PNG, JPEG or SVG, at most { $max } MiB; told by its content, not its name.
web-article-preview = Preview
web-article-save = Save
web-article-cancel = Cancel
web-article-source = Text to translate
web-article-versions = Language versions
web-article-missing = translation missing
web-article-translate = Translate
web-article-total = Stories found:
web-article-none = No article matches these filters.
web-article-publish = Publish
web-article-unpublish = Back to draft
web-article-status-draft = draft
web-article-status-published = published
web-article-error-required = This field is required.
web-article-error-id = Use lowercase letters, digits and hyphens only (at most 64), e.g. chiefs-of-staff-meeting.
web-article-error-date = Not a valid date: write YYYY-MM-DD.
web-article-error-choice = Choose one of the values offered.
web-article-error-too-long = Too long: at most { $max } characters.
web-article-error-one-line = Write it on one line, without tabs.
web-article-error-images = At most { $max } images per version.
web-article-error-images-file = An image's file name is not valid: remove the image and add it again.
web-article-error-exists = This story already has a version in this language: edit it instead.
web-article-error-image-gone = An image is no longer stored: add it again.
web-article-error-image-size = This image is larger than { $max } MiB.
web-article-error-image-type = This file is not a PNG, JPEG or SVG image (judged by its content).
web-article-error-image-svg = This SVG holds more than a plain drawing (a script, an event handler, HTML, a DOCTYPE or a link to elsewhere): export it again as a plain drawing.
web-article-error-body-size = The text is longer than { $max } MiB.
web-article-error-form-size = The form is larger than 16 MiB: an image may be at most 10 MiB.
web-article-error-form = The form could not be read: reload the page and try again.

## web: registers (activities, member states, partners, notes)
web-nav-activities = Activities
web-nav-members = Member states
web-nav-partners = Partners
web-nav-organisations = Organisations
web-organisation-name = Organisation
web-organisation-kind = Kind
web-organisation-country = Country
web-organisation-activities = Activities
web-organisation-partner = partner
web-organisation-none = The register of organisations is empty (vigie organisations import).
web-organisation-from = From
web-organisation-to = To
web-organisation-period = Show the period
web-nav-notes = Developments notes
web-register-save = Save
web-register-cancel = Cancel
web-register-edit = Edit
web-register-exists = This record exists already.
web-register-id-taken = Another record has this identifier: choose another one.
web-register-changed = Someone else changed this record meanwhile: reload the page to see the latest values, then make your change again.
web-activity-new = New activity
web-activity-edit = Edit the activity
web-activity-legend-activity = The activity
web-activity-legend-counterpart = Counterpart
web-activity-id = Identifier
web-activity-kind = Kind
web-activity-date = Date
web-activity-end_date = Last day
web-activity-title = Title
web-activity-title_fr = Title in French
web-activity-title_en = Title in English
web-activity-title_ar = Title in Arabic
web-activity-counterpart = Counterpart
web-activity-counterpart_country = Counterpart country
web-activity-counterpart_org = Counterpart organisation
web-activity-counterpart_person = Counterpart person
web-activity-counterpart_title = Counterpart's title
web-activity-domains = Domains of action
web-activity-place = Place
web-activity-description = Description
web-activity-counterpart_org_fr = Counterpart organisation in French
web-activity-counterpart_org_en = Counterpart organisation in English
web-activity-counterpart_org_ar = Counterpart organisation in Arabic
web-activity-counterpart_title_fr = Counterpart's title in French
web-activity-counterpart_title_en = Counterpart's title in English
web-activity-counterpart_title_ar = Counterpart's title in Arabic
web-activity-place_fr = Place in French
web-activity-place_en = Place in English
web-activity-place_ar = Place in Arabic
web-activity-description_fr = Description in French
web-activity-description_en = Description in English
web-activity-description_ar = Description in Arabic
web-activity-counterpart_person_ar = Counterpart person, Arabic spelling
web-activity-article = Article (identifier)
web-activity-highlight = Position among the month's key highlights
web-activity-organisations = Counterpart organisations (ids, separated by ;)
web-activity-themes = Themes (tags, separated by ;)
web-activity-people = Further counterparts: a person a line, organisation | name | Arabic spelling | title in French | in English | in Arabic
web-activity-people-problem = Line { $line }, { $column }: { $message }
web-activity-people-shown = Further counterparts
web-activity-period = Year or month
web-activity-total = Activities found:
web-activity-none = No activity matches these filters.
web-activity-export-people = Export their further counterparts (CSV)
web-activity-export-jsonl = Export JSON Lines
web-activity-error-filter = A filter is not valid: write the period YYYY or YYYY-MM, and give a known kind, domain and country.
web-activity-error-country = Choose one of your countries: a delegate enters the activities of their own countries.
web-activity-error-id-new = "new" cannot be an activity's identifier: choose another one.
web-member-new = Add a member state
web-member-edit = Edit the member state
web-member-country = Country
web-member-joined = Joined on
web-member-representative_title = Representative's title
web-member-days = National days
web-member-day = National day { $number }
web-member-day-date = Day (month-day)
web-member-day-name_fr = Name in French
web-member-day-name_en = Name in English
web-member-day-name_ar = Name in Arabic
web-member-none = No member state is recorded yet.
web-member-exists = This country is a member state already: edit it from the list.
web-partner-new = Add a partner
web-partner-edit = Edit the partner
web-partner-id = Identifier
web-partner-name_fr = Name in French
web-partner-name_en = Name in English
web-partner-name_ar = Name in Arabic
web-partner-scope = Scope
web-partner-kind_fr = Kind of body in French
web-partner-kind_en = Kind of body in English
web-partner-kind_ar = Kind of body in Arabic
web-partner-scope-local = Local
web-partner-scope-regional = Regional
web-partner-scope-international = International
web-partner-none = No partner is recorded yet.
web-agreement-new = Add an agreement
web-agreement-edit = Edit the agreement
web-agreement-partner = Partner
web-agreement-title = Agreement
web-agreement-title_fr = Title in French
web-agreement-title_en = Title in English
web-agreement-title_ar = Title in Arabic
web-agreement-signed = Signed on
web-agreement-areas = Areas of cooperation (separated by " ; ")
web-agreement-areas_fr = Areas of cooperation in French (separated by " ; ")
web-agreement-areas_en = Areas of cooperation in English (separated by " ; ")
web-agreement-areas_ar = Areas of cooperation in Arabic (separated by " ; ", in the same order)
web-agreement-reference = Reference
web-agreement-none = No agreement is recorded with this partner.
web-agreement-exists = This partner already has an agreement with this signing date and these titles, or the list changed meanwhile: reload the page.
web-note-new = New note
web-note-edit = Edit the note
web-note-region = Region
web-note-month = Month
web-note-country = Country
web-note-text = Note
web-note-text_fr = Note in French
web-note-text_en = Note in English
web-note-text_ar = Note in Arabic
web-note-languages = Languages
web-note-total = Notes found:
web-note-none = No note matches these filters.
web-note-exists = This country already has a note for this region and month: edit it from the list.

## web: incidents — field errors (forms, import reports), edit, import
import-legacy-column = column { $old } was read as { $new }, the English text; the French and Arabic go in { $fr } and { $ar }
field-error-required = is required
field-error-invalid-date = not a valid date: write YYYY-MM-DD
field-error-future-date = is in the future (today is { $today })
field-error-before-1900 = is before 1900
field-error-end-before-start = is before the start date { $start }
field-error-unknown-country = unknown country: give an ISO 3166-1 code or the English, French or Arabic name
field-error-unknown-organisation = unknown organisation: import it into the register of organisations first (vigie organisations import)
field-error-unknown-code = unknown code: use one of { $codes }
field-error-unknown-code-in-list = unknown code: use one of { $codes }, separated by " ; "
field-error-unknown-group = unknown perpetrator group: use a name or alias from the register of groups
field-error-negative = must be 0 or more (leave empty when not known)
field-error-range-without-best = a low or high estimate needs the best estimate in the killed column
field-error-low-above-best = the low estimate must not exceed the best estimate ({ $best })
field-error-high-below-best = the high estimate must not be below the best estimate ({ $best })
field-error-not-whole-number = not a whole number (leave empty when not known)
field-error-not-a-number = not a number: write decimal degrees, e.g. 14.35
field-error-out-of-range = out of range: decimal degrees between -{ $limit } and { $limit }
field-error-missing-pair = { $other ->
        [latitude] is missing while the latitude is given
       *[longitude] is missing while the longitude is given
    }
field-error-geo-precision = must be 1 (exact place), 2 (near, district) or 3 (region or country)
field-error-too-long = { $count ->
        [one] longer than { $max } character
       *[other] longer than { $max } characters
    }
field-error-bad-id = { $count ->
        [one] must be { $max } character, not a space
       *[other] must be 1 to { $max } characters without spaces
    }
field-error-too-deep = { $count ->
        [one] nests quotes, lists or emphasis more than { $max } level deep (from line { $line } of the text): no bulletin could print it
       *[other] nests quotes, lists or emphasis more than { $max } levels deep (from line { $line } of the text): no bulletin could print it
    }
field-error-repeated-id = appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description)
field-error-country-not-allowed = is not one of your countries ({ $countries }): a delegate imports incidents of their own countries only
field-error-already-verified = is a verified incident: only an analyst or an administrator can change it
field-error-hidden-character = holds the invisible character { $code } at character { $position }: remove it
field-error-unknown-id = names no incident this import may change: leave the id empty to add a new incident
field-error-dataset-not-allowed = is a dataset (ACLED, UCDP GED or GTD), which spans every country: analysts import datasets; a delegate's file is in the native format, with their own countries' rows
field-error-required-code = is required: use one of { $codes }
field-error-day-required-with-name = is required when the day's name is given: write MM-DD, e.g. 12-02
field-error-invalid-day-or-month = not a valid date: write YYYY-MM-DD, or YYYY-MM when the day is not known
field-error-invalid-month = not a month: write YYYY-MM
field-error-invalid-month-day = not a day of the year: write MM-DD, e.g. 12-02 (02-29 is allowed)
field-error-future-month = is in the future (the latest month is { $latest })
field-error-not-in-region = is not in the { $region } group's table for { $month }
field-error-whole-number-from = must be a whole number from { $min }, or empty
field-error-too-many-images = { $count ->
        [one] more than { $max } image
       *[other] more than { $max } images
    }
field-error-reserved-character = may not hold “{ $character }”, which separates the values of a person in the web form
field-error-too-many-people = { $count ->
        [one] more than { $max } person: an activity lists its delegation, not a directory
       *[other] more than { $max } people: an activity lists its delegation, not a directory
    }
field-error-not-one-line = must be one line of text (no line breaks or tabs)
field-error-control-character = holds a control character: remove it
field-error-at-least-one-of = give at least one of { $columns }
list-and = { $first } and { $last }
field-error-list-or = { $first } or { $last }
field-error-in-column = column { $column }: { $reason }
field-error-got = { $text } (got { $value })
field-error-repeated = appears more than once: give each value once
field-error-item-count = must have as many items as { $other }, its translation ({ $count ->
    [one] { $expected } item
   *[other] { $expected } items
  }), in the same order
field-error-bad-slug = { $count ->
        [one] must be a lowercase letter or a digit (at most { $max } character), e.g. { $example }
       *[other] must be lowercase letters, digits and hyphens (at most { $max } characters), e.g. { $example }
    }
field-error-not-relative = must be relative to the article's folder
field-error-unknown-group-command-line = unknown perpetrator group: add it with `vigie groups add ID --name NAME --alias NAME`, or import with --new-groups
field-error-empty-file = the file is empty: expected a header row
field-error-repeated-column = column appears twice in the header
field-error-missing-column = required column is missing from the header
field-error-unknown-column = unknown column (the columns are { $columns })
field-error-unknown-key = unknown key (the keys are { $keys })
field-error-field-count = { $count ->
        [one] row has { $found } field but the header has { $expected }
       *[other] row has { $found } fields but the header has { $expected }
    }
field-error-not-utf8 = not valid UTF-8 (save the file as UTF-8)
field-error-not-string-number-or-null = must be a string, a number or null
web-edit = Edit
web-edit-incident = Edit the incident
web-save-changes = Save the changes
web-edit-verified-note = This incident is verified: once changed, it becomes a draft again and needs a new approval by another analyst.
web-error-edit-conflict = This incident was changed by someone else after you opened the form; nothing was saved. Your values are kept below: copy what you need, reload the incident and make your change anew.
web-import-title = Import incidents
web-import-size = { $mib } MiB
web-import-intro = A file in Vigie's CSV or JSON Lines format, or an ACLED, UCDP GED or GTD export, as with vigie import; at most { $size }. By default, the import is all or nothing: if a row is wrong, nothing is written. Importing the same file again changes nothing.
web-import-delegate-note = Your import may only contain incidents of your countries ({ $countries }). To change one of your incidents, give its id; leave the id empty for a new incident. Verified incidents are left unchanged.
web-import-drafts-note = Every row of a file imported here lands as a draft, whatever its status column says, and someone other than you approves it. Verified datasets (ACLED, UCDP, GTD) are imported by the operator on the command line.
web-import-review-note = The drafts of this import wait for a second person’s approval:
web-import-review-link = this import’s drafts
web-nav-imports = Imports
web-imports-title = Imports awaiting review
web-imports-intro = Imports whose drafts wait for approval. Open one to approve its drafts together; you cannot approve what you imported or changed yourself.
web-imports-none = No import has drafts awaiting review.
web-imports-run = Import
web-imports-drafts = Drafts awaiting review
web-imports-approve-column = Approve
web-imports-approve = Approve the ticked drafts
web-imports-not-yours = not by you
web-imports-none-approvable = You may approve none of these drafts: you imported or changed them, or your role does not approve.
web-imports-no-drafts = This import has no drafts left to review.
web-imports-none-ticked = Tick at least one draft to approve.
web-imports-forbidden = Nothing was approved: you may not approve these incidents:
web-imports-stale = Nothing was approved: these incidents changed since the page was shown; read them again:
web-review-stale-title = Changed since you opened it
web-review-stale = Nothing was reviewed: this incident changed since your page showed it. Here is what changed; read it again before you decide.
web-review-stale-again = Open the incident as it is now
web-import-file = File
web-import-format = Format
web-import-format-detect = Recognised from the file
web-import-format-native = Vigie (CSV or JSON Lines)
web-import-format-csv = Vigie CSV
web-import-format-jsonl = Vigie JSON Lines
web-import-format-acled = ACLED
web-import-format-ucdp = UCDP GED
web-import-format-gtd = GTD
web-import-skip-invalid = Keep going: import the valid rows and reject the others
web-import-new-groups = Create the perpetrator groups the register does not know
web-import-all-events = ACLED: also keep protests, riots and strategic developments
web-import-dry-run = Check only, write nothing
web-import-submit = Import
web-import-too-large = The file is larger than { $size }: import it with the command line (vigie import).
web-import-unreadable = The file could not be read: send a CSV or JSON Lines file in UTF-8.
web-import-no-file = Choose a file to import.
web-import-choice = Choose a format and a status from the lists.
web-import-written = The import was written.
web-import-checked = Check done: nothing was written.
web-import-failed = Nothing was written: { $count ->
        [one] one problem was found
       *[other] { $count } problems were found
    }. Fix the rows, or import again keeping only the valid rows.
web-import-new = New
web-import-updated = Updated
web-import-unchanged = Unchanged
web-import-rejected = Rejected
web-import-skipped = Skipped (not terrorist operations)
web-import-drafts = Drafts among the new or updated
web-import-new-groups-list = New perpetrator groups:
web-import-problems = Problems
web-import-line = Line
web-import-column = Column
web-import-reason = What is wrong
web-import-value = Value given
web-import-more = … and { $count } more problems: the rejected rows file lists every rejected row.
web-import-rejects = Download the rejected rows (CSV with a reason column, in English)
web-import-again = Import another file
web-import-rejects-gone = This file of rejected rows is no longer available (it is kept for one hour).

## web: users and audit log (administrators)
web-role-admin = administrator
web-role-analyst = analyst
web-role-editor = editor
web-role-delegate = delegate
web-role-viewer = viewer
web-role-translator = translator
web-translations-title = Translations
web-translations-into = Write in
web-translations-intro = The registers' texts missing in this language while another language has them, by register. Those the next issue ({ $month }) prints come first.
web-translations-none = Nothing is missing in this language.
web-translations-record = Record
web-translations-missing = Missing
web-translations-next-issue = Next issue
web-translations-in-issue = printed
web-translations-back = Back to the list
web-translation-form-intro = Write the texts in { $lang } beside the other languages' forms. Only these texts change; the record's other fields stay as they are.
web-translation-register-activity = Activities
web-translation-register-partner = Partners
web-translation-register-agreement = Agreements
web-translation-register-note = Developments notes
web-translation-register-group = Perpetrator groups
web-translation-register-theme = Themes
web-translation-text-label = Label
web-translation-register-member = Member states
web-translation-text-national_day = National day
web-translation-text-title = Title
web-translation-text-counterpart_org = Counterpart organisation
web-translation-text-counterpart_title = Counterpart's title
web-translation-text-person_title = Title of
web-translation-text-place = Place
web-translation-text-description = Description
web-translation-text-name = Name
web-translation-text-kind = Kind
web-translation-text-areas = Areas (separated by ;)
web-translation-text-text = Text
web-user-add = Add a user
web-user-countries = Member states (delegates only)
web-user-countries-help = ISO codes or names, separated by commas, e.g. BF, ML. Only a delegate has countries.
web-user-password-help = At least 12 characters, spaces not counted; a few words make a good password. Common passwords, sequences and repeated patterns are refused.
web-user-password-again = The same password again
web-user-saved = Changes saved.
web-user-role-title = Role and member states
web-user-save-role = Save the role
web-user-enable = Enable the account
web-user-disable = Disable the account
web-user-disable-help = A disabled account can no longer log in, and its open sessions end at once.
web-user-password-title = New password
web-user-save-password = Set the password
web-user-full-history = Every change of this account in the audit log
web-user-error-email-empty = Write the email address.
web-user-error-email-long = The email address is too long (254 characters at most).
web-user-error-email = This email address is not valid: write one name, one @ and a domain with a dot, e.g. name@example.org.
web-user-error-email-taken = A user with this email address exists already.
web-user-error-role = Choose one of the roles in the list.
web-user-error-delegate = A delegate acts for at least one member state: give its code, e.g. BF.
web-user-error-countries = Only delegates have member states: leave this field empty for this role.
web-user-error-country = Unknown country: give ISO codes (e.g. BF, ML) or names.
web-user-error-password-short = The password is too short: use at least 12 characters (spaces and invisible characters do not count).
web-user-error-password-long = The password is too long: use at most 1024 characters.
web-user-error-password-repeated = The password uses fewer than 5 different characters: choose a less guessable one.
web-user-error-password-email = The password is or holds the email address's name: choose another one.
web-user-error-password-again = The two passwords differ.
web-user-error-demote-self = You cannot take the administrator role from your own account: ask another administrator.
web-user-error-disable-self = You cannot disable your own account: ask another administrator.
web-user-error-last-admin = This change would leave no active administrator.
web-user-error-email-invisible = The email address holds an invisible or text-direction character: type it again by hand.
web-user-error-email-scripts = The email address mixes alphabets within one part (e.g. a Cyrillic letter among Latin ones).
web-user-error-email-unusual = The email address has a letter outside the alphabets names are written in (a small capital, a phonetic sign): write it with ordinary letters.
web-user-error-email-confusable = This email address could be mistaken for an existing account's: choose another one.
web-user-error-password-common = This password is one of the most common ones: choose a less guessable one.
web-user-error-password-common-variant = This password is a common password with digits or punctuation added: choose a less guessable one.
web-user-error-password-pattern = The password repeats a short pattern: choose a less guessable one.
web-user-error-password-sequence = The password is a sequence of letters, digits or neighbouring keys: choose a less guessable one.
web-audit-entity-id = Record id
web-audit-error-date = Write the day as YYYY-MM-DD.

## web: loose ends (reserved incident ids)
field-error-reserved-id = is a word the web addresses use ({ $words }): choose another id

## web: stale edit forms (articles)
web-article-changed = Someone else changed this version of the article since you opened it: your text is kept below, but nothing was saved. Copy it, reload the page to see the latest version, then make your change again.

# web errors
web-error-conflict = This record was changed by someone else meanwhile: nothing was saved. Reload the page, then make your change again.
web-error-login-required = Log in to see this page.

## API tokens
web-error-token-invalid = This access token is not valid: it is malformed, unknown, expired or revoked, or its account is disabled.
web-error-token-scope = This access token may only read: a write needs a token with the write scope.
web-error-rate-limited = Too many requests with this token: wait the number of seconds given by Retry-After, then try again.
web-audit-token = API token
web-audit-via-token = via token { $id }
web-audit-error-token = A token is given by its number.
web-tokens-title = API tokens
web-tokens-intro = A personal access token lets a program (a national register, a researcher's script) use the API as you: your role, your countries, the same rules. It is shown once; keep it as you keep a password, and revoke it when it is no longer used.
web-token-made = Your new token. Copy it now: it will not be shown again.
web-token-example = Send it in the Authorization header:
web-tokens-own = Your tokens
web-token-name = Name
web-token-name-example = national register sync
web-token-scope = Scope
web-token-starts = Starts with
web-token-expires = Expires
web-token-last-used = Last used
web-token-never = never
web-token-revoke = Revoke
web-tokens-none = No token.
web-token-new = New token
web-token-life = Lifetime
web-token-days = { $days } days
web-token-create = Create the token
web-tokens-others = Active tokens of the other accounts
web-token-scope-read = read
web-token-scope-write = read and write
web-token-state-active = active
web-token-state-expired = expired
web-token-state-revoked = revoked
web-token-error-name = Give the token a name (at most 100 characters) that says what it is for.
web-token-error-scope = Choose the token's scope: read, or read and write.
web-token-error-life = Choose one of the lifetimes offered.
web-error-token-required = This address needs a personal access token (Authorization: Bearer …) or a signed-in session.
api-error-invalid-values = Some values are not valid: see errors, one entry per field.
api-error-parameters = A parameter of the request is not valid: see errors.
api-error-if-match = Say which version you change: send If-Match with the ETag you read.
api-error-changed = The record changed since you read it: read it again (its new ETag is in this answer) and apply your change to it.
api-error-idempotency-key = An Idempotency-Key is 1 to 255 visible ASCII characters.
api-error-idempotency-in-progress = A request with this Idempotency-Key is still being answered: try again in a moment.
api-error-idempotency-reused = This Idempotency-Key was used for another request: use a new key for a new request.
api-error-media-type = Send the record as JSON (Content-Type: application/json).
api-error-body = The body is not a JSON object of the record's fields.
api-error-review-body = The body is empty or a JSON object with a "comment" field.
api-ref-title = The API
api-ref-intro = Everything a person does on these pages, a program can do through the API, with the same rules: a token acts as its user, with the same role and countries. Records come as JSON with the keys of the native formats; refusals as problems (RFC 9457).
api-ref-document = The OpenAPI document:
api-ref-version = version
api-ref-auth = A personal access token in each request:
api-ref-conventions = Lists by cursor (limit, cursor, the next link); an ETag on each record and If-Match on each change; Idempotency-Key on creations; a rate per token (429 with Retry-After); dates in ISO 8601.
api-ref-english = The descriptions of the operations are those of the OpenAPI document, in English.
api-ref-contents = Contents
api-ref-schemas = Schemas
api-ref-problems = Problems
api-ref-problems-intro = A refusal's type names one of these sections; invalid values are listed in its errors, each with its field, a code and a message in the request's language.
api-ref-open = open to anyone, without a token
api-ref-parameter = Parameter
api-ref-in = In
api-ref-type = Type
api-ref-description = Description
api-ref-body = Body:
api-ref-status = Status
api-ref-field = Field
api-ref-required = * required.
api-error-too-large = The body is larger than this address accepts (a record: 256 KiB; an import: 20 MiB).
