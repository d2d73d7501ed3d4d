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
web-audit-latest = The latest 100 entries, latest first.
web-when = When
web-entity = Record
web-changes = Changes
web-detail = Detail
web-error-csrf = This form has expired or did not come from this site. Reload the page and try again.
web-error-too-large = The form is too large.
web-error-internal = Something went wrong on the server; the error was logged.
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
web-bulletin-build = Build the issue
web-bulletin-error-number = The number must be a positive whole number.
web-bulletin-error-month = Write the month as YYYY-MM.
web-bulletin-error-featured = No published article has this id.
web-bulletin-error-build = The bulletin could not be built.
