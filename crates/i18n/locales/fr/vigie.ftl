## Vigie — catalogue français

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-year = { $month } { $year }
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-day-month = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month }

## Secteurs ciblés
target-military = Forces armées
target-security = Forces de sécurité et police
target-government = Autorités et agents de l'État
target-civilians = Civils
target-religious = Personnalités et lieux religieux
target-education = Établissements d'enseignement
target-business = Entreprises et commerces
target-infrastructure = Infrastructures (transport, énergie, télécoms, eau)
target-humanitarian = ONG et acteurs humanitaires
target-media = Journalistes et médias
target-diplomatic = Missions diplomatiques et internationales
target-armed_groups = Groupes armés et milices
target-other = Autres
target-unknown = Inconnu

## Modes opératoires
method-armed_assault = Attaque armée
method-ambush = Embuscade
method-explosive = Engin explosif improvisé ou mine
method-suicide = Attentat suicide
method-indirect_fire = Tirs indirects (mortiers, roquettes)
method-drone = Attaque de drone
method-kidnapping = Enlèvement
method-hostage_taking = Prise d'otages
method-assassination = Assassinat
method-facility_attack = Attaque contre des installations, incendie
method-other = Autre
method-unknown = Inconnu

status-draft = brouillon
status-verified = vérifié

## Rapport mensuel
report-title = Le terrorisme dans { $region } en { $month }
report-col-country = Pays
report-col-operations = Opérations terroristes
report-col-victims = Victimes (morts et blessés)
report-col-operations-short = Opérations
report-col-victims-short = Victimes
report-total = Total
report-summary = Au cours du mois de { $month }, { $region } a connu { $operations ->
        [up] une hausse des opérations terroristes ({ $operations_pct })
        [down] une baisse des opérations terroristes ({ $operations_pct })
        [new] une hausse des opérations terroristes, après un mois sans opération
        [none] aucune opération terroriste
       *[same] un nombre stable d'opérations terroristes
    } et { $victims ->
        [up] une hausse du nombre de morts et de blessés ({ $victims_pct })
        [down] une baisse du nombre de morts et de blessés ({ $victims_pct })
        [new] une hausse du nombre de morts et de blessés, après un mois sans victime
        [none] aucun mort ni blessé
       *[same] un nombre stable de morts et de blessés
    } par rapport à { $previous }.
report-by-target = Secteurs ciblés par les opérations terroristes
report-by-perpetrator = Opérations terroristes et victimes selon les auteurs
report-by-method = Victimes selon le mode opératoire
report-breakdown-key = Catégorie
report-no-operations = Aucune opération terroriste ce mois-ci.
report-unknown-casualties = { $count ->
        [one] Une opération de { $month } a un bilan inconnu (compté comme 0).
       *[other] { $count } opérations de { $month } ont un bilan inconnu (comptées comme 0).
    }
report-drafts-included = Les incidents en brouillon (non vérifiés) sont inclus.
report-verified-only = Incidents vérifiés uniquement.
report-former-members = Anciens membres inclus, comme le groupe les présente : { $members }.
report-former-member = { $country } (jusqu'au { $until })
report-excluded-members = Hors du tableau (non membres ce mois-là) : { $members }.
report-future-member = { $country } (à partir du { $from })

## Graphiques
chart-legend-operations = Opérations terroristes
chart-legend-victims = Morts et blessés
chart-axis-operations = Nombre d'opérations terroristes
chart-axis-victims = Nombre de morts et de blessés
chart-axis-count = Nombre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
chart-trend-title = Évolution sur douze mois
chart-map-title = Incidents de { $month }
chart-map-exact = Lieu exact
chart-map-approximate = Lieu approximatif
chart-map-region = Région seulement
chart-map-size = Morts et blessés :
chart-map-counts = { $shown ->
        [one] 1 incident représenté
       *[other] { $shown } incidents représentés
    }, { $missing } sans coordonnées

## Fêtes nationales des États membres
national-days-title = Fêtes nationales des États membres en { $month }
national-days-col-date = Date
national-days-col-country = État membre
national-days-col-name = Fête nationale
national-days-none = Aucun État membre ne célèbre sa fête nationale en { $month }.
national-days-observed = { $country } : la fête nationale du { $day } est célébrée le { $date }, { $year } n'étant pas une année bissextile.

## Activités : genres (au pluriel selon $count), l'année en chiffres, la chronologie
activity-kind-delegation_received = { $count ->
        [one] Délégation reçue
       *[other] Délégations reçues
    }
activity-kind-visit_abroad = { $count ->
        [one] Visite à l'étranger
       *[other] Visites à l'étranger
    }
activity-kind-conference = { $count ->
        [one] Conférence
       *[other] Conférences
    }
activity-kind-workshop = { $count ->
        [one] Atelier
       *[other] Ateliers
    }
activity-kind-training = { $count ->
        [one] Formation
       *[other] Formations
    }
activity-kind-internal_activity = { $count ->
        [one] Activité interne
       *[other] Activités internes
    }
activity-kind-national_day = { $count ->
        [one] Fête nationale célébrée
       *[other] Fêtes nationales célébrées
    }
activity-kind-delegate_accredited = { $count ->
        [one] Délégué accrédité
       *[other] Délégués accrédités
    }
activity-kind-agreement_signed = { $count ->
        [one] Signature d'accord
       *[other] Signatures d'accords
    }
activity-kind-exhibition = { $count ->
        [one] Exposition
       *[other] Expositions
    }
activity-kind-meeting = { $count ->
        [one] Réunion
       *[other] Réunions
    }
year-title = L'année { $year } en chiffres
year-col-category = Catégorie
year-col-count = Nombre
year-agreements-signed = { $count ->
        [one] Accord signé en { $year }
       *[other] Accords signés en { $year }
    }
year-agreements-total = { $count ->
        [one] Accord de partenariat au total, fin { $year }
       *[other] Accords de partenariat au total, fin { $year }
    }
timeline-title-year = Faits marquants de l'année { $year }
timeline-title-month = Faits marquants de { $month }
timeline-none-year = Aucun fait marquant n'est enregistré pour l'année { $year }.
timeline-none-month = Aucun fait marquant n'est enregistré pour { $month }.

## Bulletin
bulletin-issue-line = Numéro { $number } · { $month }
bulletin-contents = Sommaire
bulletin-continued = Suite page
bulletin-page = Page
bulletin-news = Actualités
bulletin-statistics = Le terrorisme dans les régions
bulletin-about = La { $organisation }
bulletin-footer = { $publication } · Numéro { $number } · { $month }
bulletin-byline = Par { $author }
bulletin-translation-missing = Cet article n'existe pas encore en { $missing } ; la version en { $printed } est publiée.
bulletin-notes-title = Les principaux développements politiques et sécuritaires
bulletin-agreements-title = Accords signés en { $month }
bulletin-agreements-areas = Domaines de coopération
bulletin-partners-title = Nos partenaires
bulletin-partners-count = { $count ->
        [one] Un partenaire
       *[other] { $count } partenaires
    }
bulletin-partnerships = { $count ->
        [one] Partenariat
       *[other] Partenariats
    }
lang-fr = français
lang-en = anglais
lang-ar = arabe
article-kind-news = Actualité
article-kind-opinion = Opinion
article-kind-feature = Dossier
domain-ideological = Idéologique
domain-communication = Communication
domain-counter_financing = Lutte contre le financement du terrorisme
domain-military = Militaire

## Application web

web-app-name = Vigie
web-nav = Menu principal
web-nav-dashboard = Tableau de bord
web-nav-users = Utilisateurs
web-nav-audit = Journal d'audit
web-language = Langue
web-lang-fr = Français
web-lang-en = English
web-lang-ar = العربية
web-login = Connexion
web-login-submit = Se connecter
web-logout = Se déconnecter
web-email = Adresse électronique
web-password = Mot de passe
web-login-failed = Adresse ou mot de passe incorrect.
web-login-too-many = Trop de tentatives échouées : réessayez dans 15 minutes.
web-home-title = Accueil
web-home-intro = Statistiques publiées des opérations terroristes, établies à partir des seuls incidents vérifiés.
web-no-data = Aucun incident vérifié pour l'instant.
web-back-home = Retour à l'accueil
web-region = Région
web-month = Mois
web-show = Afficher
web-role = Rôle
web-countries = Pays
web-state = État
web-created = Créé le
web-active = actif
web-disabled = désactivé
web-actor = Qui
web-action = Action
web-filter = Filtrer
web-audit-latest = Les 100 dernières entrées, les plus récentes d'abord.
web-when = Quand
web-entity = Fiche
web-changes = Modifications
web-detail = Détail
web-error-csrf = Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et réessayez.
web-error-too-large = Le formulaire est trop volumineux.
web-error-internal = Une erreur est survenue sur le serveur ; elle a été consignée.
web-error-forbidden = Vous n'avez pas accès à cette page.
web-error-not-found = Cette page n'existe pas.
web-error-region = Région inconnue.
web-error-month = Le mois s'écrit AAAA-MM.
web-nav-incidents = Incidents
web-new-incident = Nouvel incident
web-search = Recherche
web-from = Du
web-to = Au
web-any = tous
web-total = Incidents trouvés :
web-page = Page
web-sort-asc = Plus anciens d’abord
web-sort-desc = Plus récents d’abord
web-previous = Précédents
web-next = Suivants
web-export-csv = Exporter en CSV
web-export-geojson = Exporter en GeoJSON
web-no-incidents = Aucun incident ne correspond à ces filtres.
web-history = Historique
web-author = Auteur
web-approve = Approuver
web-reject = Rejeter
web-comment = Commentaire
web-review-comment = Commentaire du dernier rejet
web-save-draft = Enregistrer comme brouillon
web-form-invalid = Certains champs sont à corriger.
web-error-filter = Un filtre n’est pas valide (pays, groupe ou code inconnu, ou date non écrite AAAA-MM-JJ).
web-error-duplicate = Un incident avec ces valeurs existe déjà.
web-error-comment = Un rejet demande un commentaire.
web-error-verified = Cet incident est déjà vérifié.
web-field-id = Identifiant
web-field-date = Date
web-field-date_end = Date de fin
web-field-date_precision = Précision de la date
web-field-country = Pays
web-field-admin1 = Région administrative
web-field-location = Lieu
web-field-latitude = Latitude
web-field-longitude = Longitude
web-field-geo_precision = Précision géographique
web-field-perpetrator = Auteur présumé
web-field-target = Cible
web-field-method = Mode opératoire
web-field-killed = Tués
web-field-wounded = Blessés
web-field-kidnapped = Enlevés
web-field-perpetrators_killed = Assaillants tués
web-field-description = Description
web-field-sources = Sources
web-field-status = Statut

## Bulletins (web)
web-bulletins = Bulletins
web-bulletin-number = Numéro
web-bulletin-month = Mois
web-bulletin-status = État
web-bulletin-files = Fichiers
web-bulletin-published = Publié
web-bulletin-draft = Brouillon
web-bulletin-publish = Publier
web-bulletin-none = Aucun bulletin publié.
web-bulletin-compose = Composer un numéro
web-bulletin-show-articles = Afficher les articles du mois
web-bulletin-featured = Articles à la une
web-bulletin-position = Position
web-bulletin-no-articles = Aucun article publié ce mois-ci.
web-bulletin-featured-list = Ou leurs identifiants, séparés par des virgules
web-bulletin-regions = Régions
web-bulletin-year-review = Bilan de l’année
web-bulletin-build = Construire le numéro
web-bulletin-error-number = Le numéro doit être un entier positif.
web-bulletin-error-month = Le mois s’écrit AAAA-MM.
web-bulletin-error-featured = Aucun article publié n’a cet identifiant.
web-bulletin-error-build = Le bulletin n’a pas pu être construit.
