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
        [0] Aucune opération de { $month } n’a un bilan inconnu.
        [one] Une opération de { $month } a un bilan inconnu (compté comme 0).
       *[other] { $count } opérations de { $month } ont un bilan inconnu (comptées comme 0).
    }
report-drafts-included = Les incidents en brouillon (non vérifiés) sont inclus.
report-victims-range = { $best } ({ $low }–{ $high })
report-ranges-note = Entre parenthèses : la fourchette entre les estimations basse et haute des tués, là où les sources divergent ; le chiffre qui précède additionne les estimations retenues.
report-state-actors-left-out = { $count ->
        [0] Aucun événement attribué à des forces étatiques n’est laissé de côté.
        [one] 1 événement attribué à des forces étatiques n’est pas compté (ce n’est pas une opération terroriste).
       *[other] { $count } événements attribués à des forces étatiques ne sont pas comptés (ce ne sont pas des opérations terroristes).
    }
report-state-actors-included = Les événements attribués à des forces étatiques sont comptés aussi.
explain-title = Les incidents derrière chaque chiffre
explain-row = { $row }, { $month } : { $operations ->
        [0] aucune opération
        [one] 1 opération
       *[other] { $operations } opérations
    }, { $victims ->
        [0] aucune victime
        [one] 1 victime
       *[other] { $victims } victimes
    }
explain-col-id = Identifiant
explain-col-date = Date
explain-col-place = Lieu
explain-col-perpetrator = Auteur
explain-col-killed = Tués
explain-col-wounded = Blessés
explain-col-kidnapped = Enlevés
explain-col-sources = Sources
revisions-title = Chiffres révisés depuis leur publication
revisions-none = { $months ->
        [one] Les chiffres du mois publié sont inchangés.
       *[other] Les chiffres des { $months } mois publiés sont inchangés.
    }
revisions-nothing-published = Aucun numéro n’a encore été publié : il n’y a rien à comparer.
revisions-month = { $month }, { $region } (numéro { $issue })
revisions-operations = { $row } : opérations
revisions-victims = { $row } : victimes
revisions-col-figure = Chiffre
revisions-col-published = Publié
revisions-col-current = Aujourd’hui
revisions-col-incidents = Incidents en cause
revisions-added = ajouté
revisions-removed = n’est plus compté
revisions-changed = { $before } → { $after } victimes
revisions-box-note = Ces chiffres ont été corrigés après le numéro qui les a publiés ; le tableau ci-dessus compte ceux d’aujourd’hui.
report-previous-revised = Les chiffres de { $month } sont ceux d’aujourd’hui ; le numéro { $issue } publiait { $operations } opérations et { $victims } victimes.
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
        [0] Aucun incident représenté
        [one] 1 incident représenté
       *[other] { $shown } incidents représentés
    }, { $missing } sans coordonnées

## Fêtes nationales des États membres
national-days-title = Fêtes nationales des États membres en { $month }
national-days-col-date = Date
national-days-col-country = État membre
national-days-col-name = Fête nationale
national-days-none = Aucun État membre ne célèbre sa fête nationale en { $month }.
national-days-col-message = Message
organisation-kind-regional_organisation = organisation régionale
organisation-kind-un_body = organe des Nations unies
organisation-kind-government_body = organisme gouvernemental
organisation-kind-armed_forces = forces armées
organisation-kind-academic = établissement universitaire
organisation-kind-ngo = ONG
organisation-kind-company = entreprise
cooperation-people = avec { $people }
cooperation-activities = { $count ->
    [0] Aucune activité
    [one] Une activité
   *[other] { $count } activités
}
cooperation-agreements = { $count ->
    [0] Aucun accord
    [one] Un accord
   *[other] { $count } accords
}
cooperation-stories = { $count ->
    [0] Aucun article
    [one] Un article
   *[other] { $count } articles
}
cooperation-partner-line = Partenaire : { $name }
cooperation-undated = Accords dont la date n'est pas connue
cooperation-none = Aucune activité, aucun accord ni aucun article n'est lié à cette organisation sur la période.
bulletin-missing-text = Version en { $edition } : { $what } est imprimé en { $used }
bulletin-missing-empty = Version en { $edition } : { $what } est vide dans toutes les langues
bulletin-missing-note = { $region } : aucune note d'évolution pour { $country }
national-days-rule-register = Les fêtes nationales des États membres qui tombent en { $month }, d'après le registre des membres.
national-days-rule-sent = Les félicitations que la Coalition a adressées aux États membres en { $month }, d'après son registre des activités.
national-days-none-sent = Le registre des activités ne mentionne aucune félicitation adressée en { $month }.
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
        [0] Aucun partenaire
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
web-login-code-title = Second facteur
web-login-code = Code
web-login-code-help = Tapez le code à six chiffres que votre application d'authentification affiche pour Vigie, ou l'un de vos codes de secours.
web-login-code-lost = Téléphone et codes de secours perdus ? Un administrateur peut réinitialiser votre second facteur.
web-login-code-failed = Code erroné ou déjà utilisé.
web-totp-title = Second facteur
web-totp-required = Votre rôle exige un second facteur : configurez-le maintenant pour terminer la connexion.
web-totp-step-scan = Scannez le code QR avec une application d'authentification (ou tapez-y le secret ci-dessous).
web-totp-step-confirm = Tapez le code à six chiffres que l'application affiche alors, pour confirmer.
web-totp-qr = Code QR du secret, pour une application d'authentification.
web-totp-secret = Secret :
web-totp-uri = Adresse pour l'application :
web-totp-confirm = Confirmer
web-totp-error-code = Ce code ne correspond pas au secret : vérifiez l'heure de votre téléphone et tapez le code du moment.
web-totp-done = Votre second facteur est configuré : désormais, chaque connexion demande un code de l'application.
web-totp-recovery-title = Codes de secours
web-totp-recovery-help = Gardez ces codes en lieu sûr, loin de votre téléphone. Chacun vous connecte une fois si vous perdez l'application. Ils ne sont affichés que maintenant.
web-totp-continue = Continuer
web-totp-renew-help = De nouveaux codes de secours remplacent les anciens, utilisés ou non : tapez un code actuel de l'application.
web-totp-renew = Nouveaux codes de secours
web-totp-renewed = Nouveaux codes de secours : les anciens ne fonctionnent plus.
web-totp-enrolled = Second facteur configuré depuis le
web-totp-codes-left = Codes de secours restants :
web-totp-lost = Pour remplacer un téléphone perdu, demandez à un administrateur de réinitialiser votre second facteur, puis configurez-en un nouveau ici.
web-totp-none = Aucun second facteur.
web-totp-reset = Réinitialiser le second facteur
web-totp-reset-help = Pour un téléphone perdu : les sessions du compte se terminent et il configure un nouveau second facteur (obligatoire si son rôle l'exige).
web-totp-column = Second facteur
web-totp-roles-title = Second facteur par rôle
web-totp-roles-help = Les comptes d'un rôle coché ici se connectent avec un code en plus de leur mot de passe ; ceux qui n'ont pas de second facteur le configurent à leur prochaine connexion (leurs sessions ouvertes se terminent maintenant).
web-totp-roles-legend = Rôles qui exigent un second facteur
web-totp-roles-save = Enregistrer les rôles
web-yes = oui
web-no = non
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
web-audit-latest = Les plus récentes d'abord, 100 entrées par page.
web-when = Quand
web-entity = Fiche
web-changes = Modifications
web-detail = Détail
web-error-csrf = Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et réessayez.
web-error-too-large = Le formulaire est trop volumineux.
web-error-timeout = Le formulaire n'est pas arrivé à temps (connexion interrompue ou trop lente). Réessayez.
web-error-internal = Une erreur est survenue sur le serveur ; elle a été consignée.
web-error-busy = Un autre processus écrit dans la base (une importation, sans doute) et votre modification n’a pas pu l’attendre : rien n’a été changé. Réessayez dans quelques secondes.
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
web-field-killed_low = Tués, estimation basse
web-field-killed_high = Tués, estimation haute
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
web-bulletin-casualty-ranges = Imprimer la fourchette des estimations à côté d’un chiffre, p. ex. 98 (90–120)
web-bulletin-build = Construire le numéro
web-bulletin-editorial = Éditorial
web-bulletin-editorial-story = La tribune imprimée en premier, signée du nom et de la fonction de son auteur
web-bulletin-national-days = Page des fêtes nationales
web-bulletin-national-days-register = La fête nationale de chaque État membre tombant dans le mois, d'après le registre des membres
web-bulletin-national-days-sent = Les félicitations que la Coalition a adressées (les activités « fête nationale » du mois, avec leur message)
web-bulletin-highlights = Temps forts de l'année
web-bulletin-highlights-hint = Six articles au plus : la première photo de chacun, avec sa légende, sur la page de l'année.
web-bulletin-no-photos = Aucun article de l'année n'a de photo.
web-bulletin-tiles = L'année en chiffres
web-bulletin-tiles-hint = Cochez les chiffres à afficher, numérotez-les dans l'ordre et donnez leur libellé dans chaque langue (vide : les mots habituels). Aucun coché : chaque type d'activité que l'année compte, puis les partenariats.
web-bulletin-tile-shown = Chiffre
web-bulletin-tile-agreements-signed = Accords signés dans l'année
web-bulletin-tile-partnerships = Partenariats en vigueur
web-bulletin-intros = Textes d'ouverture
web-bulletin-year-intro = Page de l'année
web-bulletin-partners-intro = Page des partenaires
web-bulletin-check = Vérifier ce qui manque
web-bulletin-preview-lang = Aperçu en
web-bulletin-preview = Aperçu (HTML)
web-bulletin-missing = Ce qui manque encore au numéro
web-bulletin-missing-none = Rien ne manque : chaque texte est dans la langue de son édition et chaque pays des tableaux a sa note.
web-bulletin-error-national-days = La page des fêtes nationales reprend le registre des membres ou les félicitations adressées
web-bulletin-error-highlights = Le panneau des temps forts contient six photos au plus
web-bulletin-error-tile-order = La position d'un chiffre est un nombre entier
web-bulletin-error-choices = Les choix de la rédaction ne peuvent pas être imprimés
web-bulletin-error-number = Le numéro doit être un entier positif.
web-bulletin-error-month = Le mois s’écrit AAAA-MM.
web-bulletin-error-featured = Aucun article publié n’a cet identifiant.
web-bulletin-error-build = Le bulletin n’a pas pu être construit.
web-nav-groups = Groupes
web-groups-intro = Les groupes auxquels les incidents sont attribués. Les statistiques ne comptent pas les incidents des forces étatiques.
web-groups-id = Identifiant
web-groups-name = Nom
web-groups-kind = Nature
web-groups-origin = Origine
web-groups-save = Enregistrer
group-kind-jihadist = Organisation djihadiste
group-kind-armed_group = Autre groupe armé non étatique
group-kind-militia = Milice
group-kind-state_forces = Forces étatiques
group-kind-unknown = Inconnue
group-origin-builtin = Fourni avec Vigie
group-origin-added = Ajouté
group-origin-imported = Créé par un import
confirm-title = Confirmation de { $month } par les États membres
confirm-status-confirmed = Confirmé
confirm-status-disputed = Contesté
confirm-status-not_confirmed = Pas encore confirmé
confirm-given = par { $by }, le { $date }
confirm-undone = Les chiffres ont changé après cet avis : il en faut un nouveau.
confirm-comment = Commentaire (requis pour contester)
confirm-confirm = Confirmer ces chiffres
confirm-dispute = Les contester
confirm-col-country = Pays
confirm-col-status = État
confirm-error-comment = Le commentaire est trop long ou contient un caractère invisible.
confirm-error-dispute = Dites dans le commentaire ce qui est contesté.
confirm-error-changed = Les chiffres ont changé depuis l’ouverture de la page : revoyez-les avant de confirmer.
confirm-footnote = { $mark } Chiffres pas encore confirmés par l’État membre.
bulletin-refused-published = Le numéro { $label } est publié et figé : il n’est jamais reconstruit. Une correction est une révision, construite avec son motif ; elle devient { $next }, et { $label } reste tel que publié.
bulletin-refused-nothing-to-revise = Le numéro { $number } n’est pas publié : il n’y a rien à réviser ; construisez-le sans motif.
bulletin-refused-empty-reason = Une révision demande un motif.
bulletin-refused-other-month = Le numéro { $label } couvre { $month } : sa révision couvre le même mois.
web-bulletin-reason = Motif d’une révision (seulement pour corriger un numéro publié)
web-bulletin-revision = Révision { $label }
web-bulletin-revision-of = révise { $label } : { $reason }
web-bulletin-published-on = publié le { $date } par { $by }

## web: articles
web-articles = Articles
web-article-new = Nouvel article
web-article-edit = Modifier cette version
web-article-id = Identifiant de l'article
web-article-id-hint = Lettres minuscules, chiffres et tirets ; les versions d'un même article dans chaque langue le partagent.
web-article-title = Titre
web-article-subtitle = Sous-titre
web-article-kind = Genre
web-article-domain = Domaine
web-article-domains = Domaines
web-article-language = Langue
web-article-featured = À la une du bulletin
web-article-yes = oui
web-article-no = non
web-article-body = Texte (Markdown)
web-article-body-hint = Markdown : **gras**, *italique*, [lien](https://…), listes, citations, ## intertitres. Le HTML s'affiche comme du texte.
web-article-images = Images
web-article-caption = Légende
web-article-credit = Crédit
web-article-author-title = Fonction de l'auteur
web-article-image-remove = Retirer
web-article-image-add = Ajouter une image
web-article-image-hint = PNG, JPEG ou SVG, { $max } Mio au plus ; le format est reconnu au contenu, non au nom du fichier.
web-article-preview = Aperçu
web-article-save = Enregistrer
web-article-cancel = Annuler
web-article-source = Texte à traduire
web-article-versions = Versions linguistiques
web-article-missing = traduction manquante
web-article-translate = Traduire
web-article-total = Articles trouvés :
web-article-none = Aucun article ne correspond à ces filtres.
web-article-publish = Publier
web-article-unpublish = Repasser en brouillon
web-article-status-draft = brouillon
web-article-status-published = publié
web-article-error-required = Ce champ est obligatoire.
web-article-error-id = Utilisez seulement des lettres minuscules, des chiffres et des tirets (64 au plus), par exemple reunion-chefs-etat-major.
web-article-error-date = Date non valide : écrivez AAAA-MM-JJ.
web-article-error-choice = Choisissez l'une des valeurs proposées.
web-article-error-too-long = Trop long : { $max } caractères au plus.
web-article-error-one-line = Écrivez-le sur une seule ligne, sans tabulation.
web-article-error-images = { $max } images au plus par version.
web-article-error-images-file = Le nom de fichier d'une image n'est pas valide : retirez l'image puis ajoutez-la de nouveau.
web-article-error-exists = Cet article a déjà une version dans cette langue : modifiez-la plutôt.
web-article-error-image-gone = Une image n'est plus enregistrée : ajoutez-la de nouveau.
web-article-error-image-size = Cette image dépasse { $max } Mio.
web-article-error-image-type = Ce fichier n'est pas une image PNG, JPEG ou SVG (d'après son contenu).
web-article-error-image-svg = Ce SVG contient plus qu'un simple dessin (un script, un gestionnaire d'événement, du HTML, un DOCTYPE ou un lien vers l'extérieur) : exportez-le de nouveau comme simple dessin.
web-article-error-body-size = Le texte dépasse { $max } Mio.
web-article-error-form-size = Le formulaire dépasse 16 Mio : une image ne peut dépasser 10 Mio.
web-article-error-form = Le formulaire n'a pas pu être lu : rechargez la page et réessayez.

## web: registers (activities, member states, partners, notes)
web-nav-activities = Activités
web-nav-members = États membres
web-nav-partners = Partenaires
web-nav-organisations = Organisations
web-organisation-name = Organisation
web-organisation-kind = Type
web-organisation-country = Pays
web-organisation-activities = Activités
web-organisation-partner = partenaire
web-organisation-none = Le registre des organisations est vide (vigie organisations import).
web-organisation-from = Du mois
web-organisation-to = Au mois
web-organisation-period = Afficher la période
web-nav-notes = Notes d'évolution
web-register-save = Enregistrer
web-register-cancel = Annuler
web-register-edit = Modifier
web-register-exists = Cet enregistrement existe déjà.
web-register-id-taken = Un autre enregistrement porte cet identifiant : choisissez-en un autre.
web-register-changed = Quelqu'un d'autre a modifié cet enregistrement entre-temps : rechargez la page pour voir les dernières valeurs, puis refaites votre modification.
web-activity-new = Nouvelle activité
web-activity-edit = Modifier l'activité
web-activity-legend-activity = L'activité
web-activity-legend-counterpart = Interlocuteur
web-activity-id = Identifiant
web-activity-kind = Type
web-activity-date = Date
web-activity-end_date = Dernier jour
web-activity-title = Titre
web-activity-title_fr = Titre en français
web-activity-title_en = Titre en anglais
web-activity-title_ar = Titre en arabe
web-activity-counterpart = Interlocuteur
web-activity-counterpart_country = Pays de l'interlocuteur
web-activity-counterpart_org = Organisation de l'interlocuteur
web-activity-counterpart_person = Personne
web-activity-counterpart_title = Fonction de la personne
web-activity-domains = Domaines d'action
web-activity-place = Lieu
web-activity-description = Description
web-activity-counterpart_org_fr = Organisation de l'interlocuteur en français
web-activity-counterpart_org_en = Organisation de l'interlocuteur en anglais
web-activity-counterpart_org_ar = Organisation de l'interlocuteur en arabe
web-activity-counterpart_title_fr = Fonction de la personne en français
web-activity-counterpart_title_en = Fonction de la personne en anglais
web-activity-counterpart_title_ar = Fonction de la personne en arabe
web-activity-place_fr = Lieu en français
web-activity-place_en = Lieu en anglais
web-activity-place_ar = Lieu en arabe
web-activity-description_fr = Description en français
web-activity-description_en = Description en anglais
web-activity-description_ar = Description en arabe
web-activity-counterpart_person_ar = Interlocuteur, graphie arabe
web-activity-article = Article (identifiant)
web-activity-highlight = Rang parmi les faits marquants du mois
web-activity-organisations = Organisations partenaires (identifiants, séparés par ;)
web-activity-themes = Thèmes (étiquettes, séparées par ;)
web-activity-people = Autres interlocuteurs : une personne par ligne, organisation | nom | graphie arabe | titre en français | en anglais | en arabe
web-activity-people-problem = Ligne { $line }, { $column } : { $message }
web-activity-people-shown = Autres interlocuteurs
web-activity-period = Année ou mois
web-activity-total = Activités trouvées :
web-activity-none = Aucune activité ne correspond à ces filtres.
web-activity-export-people = Exporter leurs autres interlocuteurs (CSV)
web-activity-export-jsonl = Exporter en JSON Lines
web-activity-error-filter = Un filtre n'est pas valide : écrivez la période AAAA ou AAAA-MM, et indiquez un type, un domaine et un pays connus.
web-activity-error-country = Choisissez l'un de vos pays : un délégué saisit les activités de ses propres pays.
web-activity-error-id-new = « new » ne peut pas être l'identifiant d'une activité : choisissez-en un autre.
web-member-new = Ajouter un État membre
web-member-edit = Modifier l'État membre
web-member-country = Pays
web-member-joined = Adhésion le
web-member-representative_title = Titre du représentant
web-member-days = Fêtes nationales
web-member-day = Fête nationale { $number }
web-member-day-date = Jour (mois-jour)
web-member-day-name_fr = Nom en français
web-member-day-name_en = Nom en anglais
web-member-day-name_ar = Nom en arabe
web-member-none = Aucun État membre n'est encore enregistré.
web-member-exists = Ce pays est déjà un État membre : modifiez-le depuis la liste.
web-partner-new = Ajouter un partenaire
web-partner-edit = Modifier le partenaire
web-partner-id = Identifiant
web-partner-name_fr = Nom en français
web-partner-name_en = Nom en anglais
web-partner-name_ar = Nom en arabe
web-partner-scope = Portée
web-partner-kind_fr = Type d'organisme en français
web-partner-kind_en = Type d'organisme en anglais
web-partner-kind_ar = Type d'organisme en arabe
web-partner-scope-local = Locale
web-partner-scope-regional = Régionale
web-partner-scope-international = Internationale
web-partner-none = Aucun partenaire n'est encore enregistré.
web-agreement-new = Ajouter un accord
web-agreement-edit = Modifier l'accord
web-agreement-partner = Partenaire
web-agreement-title = Accord
web-agreement-title_fr = Titre en français
web-agreement-title_en = Titre en anglais
web-agreement-title_ar = Titre en arabe
web-agreement-signed = Signé le
web-agreement-areas = Domaines de coopération (séparés par « ; »)
web-agreement-areas_fr = Domaines de coopération en français (séparés par « ; »)
web-agreement-areas_en = Domaines de coopération en anglais (séparés par « ; »)
web-agreement-areas_ar = Domaines de coopération en arabe (séparés par « ; », dans le même ordre)
web-agreement-reference = Référence
web-agreement-none = Aucun accord n'est enregistré avec ce partenaire.
web-agreement-exists = Ce partenaire a déjà un accord avec cette date de signature et ces titres, ou la liste a changé entre-temps : rechargez la page.
web-note-new = Nouvelle note
web-note-edit = Modifier la note
web-note-region = Région
web-note-month = Mois
web-note-country = Pays
web-note-text = Note
web-note-text_fr = Note en français
web-note-text_en = Note en anglais
web-note-text_ar = Note en arabe
web-note-languages = Langues
web-note-total = Notes trouvées :
web-note-none = Aucune note ne correspond à ces filtres.
web-note-exists = Ce pays a déjà une note pour cette région et ce mois : modifiez-la depuis la liste.

## web: incidents — field errors (forms, import reports), edit, import
import-legacy-column = la colonne { $old } a été lue comme { $new }, le texte anglais ; le français et l’arabe vont dans { $fr } et { $ar }
field-error-required = est obligatoire
field-error-invalid-date = n’est pas une date valide : écrivez AAAA-MM-JJ
field-error-future-date = est dans le futur (nous sommes le { $today })
field-error-before-1900 = est antérieure à 1900
field-error-end-before-start = est antérieure à la date de début { $start }
field-error-unknown-country = pays inconnu : donnez un code ISO 3166-1 ou le nom en français, en anglais ou en arabe
field-error-unknown-organisation = organisation inconnue : importez-la d'abord dans le registre des organisations (vigie organisations import)
field-error-unknown-code = code inconnu : utilisez l’un de ceux-ci : { $codes }
field-error-unknown-code-in-list = code inconnu : utilisez l’un de ceux-ci, séparés par « ; » : { $codes }
field-error-unknown-group = groupe auteur inconnu : utilisez un nom ou un alias du registre des groupes
field-error-negative = doit être égal ou supérieur à 0 (laissez vide si inconnu)
field-error-range-without-best = une estimation basse ou haute demande l’estimation retenue dans la colonne killed
field-error-low-above-best = l’estimation basse ne peut dépasser l’estimation retenue ({ $best })
field-error-high-below-best = l’estimation haute ne peut être inférieure à l’estimation retenue ({ $best })
field-error-not-whole-number = n’est pas un nombre entier (laissez vide si inconnu)
field-error-not-a-number = n’est pas un nombre : écrivez des degrés décimaux, par exemple 14.35
field-error-out-of-range = hors limites : degrés décimaux entre -{ $limit } et { $limit }
field-error-missing-pair = { $other ->
        [latitude] manque alors que la latitude est donnée
       *[longitude] manque alors que la longitude est donnée
    }
field-error-geo-precision = doit valoir 1 (lieu exact), 2 (à proximité, district) ou 3 (région ou pays)
field-error-too-long = { $count ->
        [one] dépasse { $max } caractère
       *[other] dépasse { $max } caractères
    }
field-error-bad-id = { $count ->
        [one] doit compter { $max } caractère, qui ne soit pas une espace
       *[other] doit compter de 1 à { $max } caractères, sans espace
    }
field-error-too-deep = { $count ->
        [one] imbrique citations, listes ou emphases sur plus de { $max } niveau (à partir de la ligne { $line } du texte) : aucun bulletin ne pourrait l’imprimer
       *[other] imbrique citations, listes ou emphases sur plus de { $max } niveaux (à partir de la ligne { $line } du texte) : aucun bulletin ne pourrait l’imprimer
    }
field-error-repeated-id = figure plusieurs fois dans cet import : chaque incident une seule fois, avec son propre identifiant (une ligne sans identifiant reçoit celui que donnent sa date, son pays, son lieu, son auteur présumé, sa cible, son mode opératoire et sa description)
field-error-country-not-allowed = n’est pas l’un de vos pays ({ $countries }) : un délégué n’importe que des incidents de ses propres pays
field-error-already-verified = désigne un incident vérifié : seul un analyste ou un administrateur peut le modifier
field-error-hidden-character = contient le caractère invisible { $code } au caractère { $position } : supprimez-le
field-error-unknown-id = ne désigne aucun incident que cet import peut modifier : laissez l’identifiant vide pour ajouter un nouvel incident
field-error-dataset-not-allowed = est un jeu de données (ACLED, UCDP GED ou GTD), qui couvre tous les pays : les analystes importent les jeux de données ; le fichier d’un délégué est au format natif, avec les lignes de ses pays
field-error-required-code = est obligatoire : utilisez l’un de ceux-ci : { $codes }
field-error-day-required-with-name = est obligatoire quand le nom du jour est donné : écrivez MM-JJ, par exemple 12-02
field-error-invalid-day-or-month = n’est pas une date valide : écrivez AAAA-MM-JJ, ou AAAA-MM si le jour n’est pas connu
field-error-invalid-month = n’est pas un mois : écrivez AAAA-MM
field-error-invalid-month-day = n’est pas un jour de l’année : écrivez MM-JJ, par exemple 12-02 (02-29 est accepté)
field-error-future-month = est dans le futur (le dernier mois possible est { $latest })
field-error-not-in-region = ne figure pas dans la table du groupe { $region } pour { $month }
field-error-whole-number-from = doit être un nombre entier à partir de { $min }, ou rester vide
field-error-too-many-images = { $count ->
        [one] plus de { $max } image
       *[other] plus de { $max } images
    }
field-error-reserved-character = ne peut pas contenir « { $character } », qui sépare les valeurs d’une personne dans le formulaire web
field-error-too-many-people = { $count ->
        [one] plus de { $max } personne : une activité liste sa délégation, pas un annuaire
       *[other] plus de { $max } personnes : une activité liste sa délégation, pas un annuaire
    }
field-error-not-one-line = doit tenir sur une seule ligne (sans saut de ligne ni tabulation)
field-error-control-character = contient un caractère de contrôle : supprimez-le
field-error-at-least-one-of = renseignez au moins l’une de ces colonnes : { $columns }
list-and = { $first } et { $last }
field-error-list-or = { $first } ou { $last }
field-error-in-column = colonne { $column } : { $reason }
field-error-got = { $text } (valeur donnée : { $value })
field-error-repeated = figure plusieurs fois : donnez chaque valeur une seule fois
field-error-item-count = doit compter autant d’éléments que { $other }, dont elle est la traduction ({ $count ->
    [one] { $expected } élément
   *[other] { $expected } éléments
  }), dans le même ordre
field-error-bad-slug = { $count ->
        [one] doit être une lettre minuscule ou un chiffre ({ $max } caractère au plus), par exemple { $example }
       *[other] ne doit contenir que des lettres minuscules, des chiffres et des traits d’union ({ $max } caractères au plus), par exemple { $example }
    }
field-error-not-relative = doit être un chemin relatif au dossier de l’article
field-error-unknown-group-command-line = groupe auteur inconnu : ajoutez-le avec `vigie groups add ID --name NOM --alias NOM`, ou importez avec --new-groups
field-error-empty-file = le fichier est vide : une ligne d’en-tête était attendue
field-error-repeated-column = colonne présente deux fois dans l’en-tête
field-error-missing-column = colonne obligatoire absente de l’en-tête
field-error-unknown-column = colonne inconnue (les colonnes sont : { $columns })
field-error-unknown-key = clé inconnue (les clés sont : { $keys })
field-error-field-count = { $count ->
        [one] la ligne a { $found } champ, mais l’en-tête en a { $expected }
       *[other] la ligne a { $found } champs, mais l’en-tête en a { $expected }
    }
field-error-not-utf8 = n’est pas de l’UTF-8 valide (enregistrez le fichier en UTF-8)
field-error-not-string-number-or-null = doit être une chaîne, un nombre ou null
web-edit = Modifier
web-edit-incident = Modifier l’incident
web-save-changes = Enregistrer les modifications
web-edit-verified-note = Cet incident est vérifié : une fois modifié, il redevient un brouillon et doit être approuvé à nouveau par un autre analyste.
web-error-edit-conflict = Quelqu’un d’autre a modifié cet incident après l’ouverture du formulaire ; rien n’a été enregistré. Vos valeurs sont conservées ci-dessous : copiez ce qu’il vous faut, rechargez l’incident et refaites votre modification.
web-import-title = Importer des incidents
web-import-size = { $mib } Mio
web-import-intro = Un fichier au format CSV ou JSON Lines de Vigie, ou un export ACLED, UCDP GED ou GTD, comme avec vigie import ; { $size } au plus. Par défaut, l’import se fait en entier ou pas du tout : si une ligne est fausse, rien n’est écrit. Importer à nouveau le même fichier ne change rien.
web-import-delegate-note = Votre import ne peut contenir que des incidents de vos pays ({ $countries }). Pour modifier l’un de vos incidents, donnez son identifiant ; laissez l’identifiant vide pour un nouvel incident. Les incidents vérifiés restent inchangés.
web-import-drafts-note = Chaque ligne d’un fichier importé ici devient un brouillon, quelle que soit sa colonne de statut, et une autre personne que vous l’approuve. Les jeux de données vérifiés (ACLED, UCDP, GTD) sont importés par l’exploitant en ligne de commande.
web-import-review-note = Les brouillons de cet import attendent l’approbation d’une seconde personne :
web-import-review-link = les brouillons de cet import
web-nav-imports = Imports
web-imports-title = Imports à relire
web-imports-intro = Les imports dont des brouillons attendent une approbation. Ouvrez-en un pour approuver ses brouillons ensemble ; vous ne pouvez pas approuver ce que vous avez vous-même importé ou modifié.
web-imports-none = Aucun import n’a de brouillon à relire.
web-imports-run = Import
web-imports-drafts = Brouillons à relire
web-imports-approve-column = Approuver
web-imports-approve = Approuver les brouillons cochés
web-imports-not-yours = pas par vous
web-imports-none-approvable = Vous ne pouvez approuver aucun de ces brouillons : vous les avez importés ou modifiés, ou votre rôle n’approuve pas.
web-imports-no-drafts = Cet import n’a plus de brouillon à relire.
web-imports-none-ticked = Cochez au moins un brouillon à approuver.
web-imports-forbidden = Rien n’a été approuvé : vous ne pouvez pas approuver ces incidents :
web-imports-stale = Rien n’a été approuvé : ces incidents ont changé depuis l’affichage de la page ; relisez-les :
web-review-stale-title = Modifié depuis votre ouverture
web-review-stale = Rien n’a été relu : cet incident a changé depuis que votre page l’a affiché. Voici ce qui a changé ; relisez-le avant de décider.
web-review-stale-again = Ouvrir l’incident tel qu’il est maintenant
web-import-file = Fichier
web-import-format = Format
web-import-format-detect = Reconnu d’après le fichier
web-import-format-native = Vigie (CSV ou JSON Lines)
web-import-format-csv = Vigie CSV
web-import-format-jsonl = Vigie JSON Lines
web-import-format-acled = ACLED
web-import-format-ucdp = UCDP GED
web-import-format-gtd = GTD
web-import-skip-invalid = Continuer : importer les lignes valides et rejeter les autres
web-import-new-groups = Créer les groupes auteurs que le registre ne connaît pas
web-import-all-events = ACLED : garder aussi les manifestations, émeutes et évolutions stratégiques
web-import-dry-run = Vérifier seulement, sans rien écrire
web-import-submit = Importer
web-import-too-large = Le fichier dépasse { $size } : importez-le avec la ligne de commande (vigie import).
web-import-unreadable = Le fichier n’a pas pu être lu : envoyez un fichier CSV ou JSON Lines en UTF-8.
web-import-no-file = Choisissez un fichier à importer.
web-import-choice = Choisissez un format et un statut dans les listes.
web-import-written = L’import a été enregistré.
web-import-checked = Vérification faite : rien n’a été écrit.
web-import-failed = Rien n’a été écrit : { $count ->
        [0] aucun problème n’a été trouvé
        [one] un problème a été trouvé
       *[other] { $count } problèmes ont été trouvés
    }. Corrigez les lignes, ou importez à nouveau en ne gardant que les lignes valides.
web-import-new = Nouveaux
web-import-updated = Mis à jour
web-import-unchanged = Inchangés
web-import-rejected = Rejetés
web-import-skipped = Écartés (pas des opérations terroristes)
web-import-drafts = Brouillons parmi les nouveaux ou mis à jour
web-import-new-groups-list = Nouveaux groupes auteurs :
web-import-problems = Problèmes
web-import-line = Ligne
web-import-column = Colonne
web-import-reason = Ce qui ne va pas
web-import-value = Valeur donnée
web-import-more = … et { $count } autres problèmes : le fichier des lignes rejetées les contient toutes.
web-import-rejects = Télécharger les lignes rejetées (CSV avec une colonne de motif, en anglais)
web-import-again = Importer un autre fichier
web-import-rejects-gone = Ce fichier de lignes rejetées n’est plus disponible (il est gardé une heure).

## web: users and audit log (administrators)
web-role-admin = administrateur
web-role-analyst = analyste
web-role-editor = rédacteur
web-role-delegate = délégué
web-role-viewer = lecteur
web-role-translator = traducteur
web-translations-title = Traductions
web-translations-into = Écrire en
web-translations-intro = Les textes des registres qui manquent dans cette langue alors qu'une autre langue les a, par registre. Ceux que le prochain numéro ({ $month }) imprime viennent en premier.
web-translations-none = Rien ne manque dans cette langue.
web-translations-record = Fiche
web-translations-missing = Manquant
web-translations-next-issue = Prochain numéro
web-translations-in-issue = imprimé
web-translations-back = Retour à la liste
web-translation-form-intro = Écrivez les textes en { $lang } à côté des autres langues. Seuls ces textes changent ; les autres champs de la fiche restent tels quels.
web-translation-register-activity = Activités
web-translation-register-partner = Partenaires
web-translation-register-agreement = Accords
web-translation-register-note = Notes d'évolution
web-translation-register-group = Groupes auteurs
web-translation-register-theme = Thèmes
web-translation-text-label = Libellé
web-translation-register-member = États membres
web-translation-text-national_day = Fête nationale
web-translation-text-title = Titre
web-translation-text-counterpart_org = Organisation partenaire
web-translation-text-counterpart_title = Fonction de l'interlocuteur
web-translation-text-person_title = Titre de
web-translation-text-place = Lieu
web-translation-text-description = Description
web-translation-text-name = Nom
web-translation-text-kind = Type
web-translation-text-areas = Domaines (séparés par ;)
web-translation-text-text = Texte
web-user-add = Ajouter un utilisateur
web-user-countries = États membres (délégués seulement)
web-user-countries-help = Codes ISO ou noms, séparés par des virgules, p. ex. BF, ML. Seul un délégué a des pays.
web-user-password-help = Au moins 12 caractères, espaces non comptées ; quelques mots font un bon mot de passe. Les mots de passe courants, les suites et les motifs répétés sont refusés.
web-user-password-again = Le même mot de passe, à nouveau
web-user-saved = Modifications enregistrées.
web-user-role-title = Rôle et États membres
web-user-save-role = Enregistrer le rôle
web-user-enable = Réactiver le compte
web-user-disable = Désactiver le compte
web-user-disable-help = Un compte désactivé ne peut plus se connecter, et ses sessions ouvertes prennent fin aussitôt.
web-user-password-title = Nouveau mot de passe
web-user-save-password = Définir le mot de passe
web-user-full-history = Toutes les modifications de ce compte dans le journal d'audit
web-user-error-email-empty = Écrivez l'adresse électronique.
web-user-error-email-long = L'adresse électronique est trop longue (254 caractères au plus).
web-user-error-email = Cette adresse électronique n'est pas valide : écrivez un nom, un @ et un domaine avec un point, p. ex. nom@example.org.
web-user-error-email-taken = Un utilisateur a déjà cette adresse électronique.
web-user-error-role = Choisissez l'un des rôles de la liste.
web-user-error-delegate = Un délégué agit pour au moins un État membre : donnez son code, p. ex. BF.
web-user-error-countries = Seuls les délégués ont des États membres : laissez ce champ vide pour ce rôle.
web-user-error-country = Pays inconnu : donnez des codes ISO (p. ex. BF, ML) ou des noms.
web-user-error-password-short = Le mot de passe est trop court : utilisez au moins 12 caractères (les espaces et les caractères invisibles ne comptent pas).
web-user-error-password-long = Le mot de passe est trop long : utilisez au plus 1024 caractères.
web-user-error-password-repeated = Le mot de passe utilise moins de 5 caractères différents : choisissez-en un moins facile à deviner.
web-user-error-password-email = Le mot de passe est ou contient le nom de l'adresse électronique : choisissez-en un autre.
web-user-error-password-again = Les deux mots de passe diffèrent.
web-user-error-demote-self = Vous ne pouvez pas retirer le rôle d'administrateur à votre propre compte : demandez à un autre administrateur.
web-user-error-disable-self = Vous ne pouvez pas désactiver votre propre compte : demandez à un autre administrateur.
web-user-error-last-admin = Cette modification ne laisserait aucun administrateur actif.
web-user-error-email-invisible = L'adresse électronique contient un caractère invisible ou de sens d'écriture : tapez-la de nouveau à la main.
web-user-error-email-scripts = L'adresse électronique mêle des alphabets dans une même partie (p. ex. une lettre cyrillique parmi des lettres latines).
web-user-error-email-unusual = L'adresse électronique contient une lettre hors des alphabets des noms (une petite capitale, un signe phonétique) : écrivez-la avec des lettres ordinaires.
web-user-error-email-confusable = Cette adresse ressemble à celle d'un compte existant au point de s'y méprendre : choisissez-en une autre.
web-user-error-password-common = Ce mot de passe est l'un des plus courants : choisissez-en un moins facile à deviner.
web-user-error-password-common-variant = Ce mot de passe est un mot de passe courant auquel on a ajouté des chiffres ou de la ponctuation : choisissez-en un moins facile à deviner.
web-user-error-password-pattern = Le mot de passe répète un court motif : choisissez-en un moins facile à deviner.
web-user-error-password-sequence = Le mot de passe est une suite de lettres, de chiffres ou de touches voisines : choisissez-en un moins facile à deviner.
web-audit-entity-id = Identifiant de l'enregistrement
web-audit-error-date = Écrivez le jour sous la forme AAAA-MM-JJ.

## web: loose ends (reserved incident ids)
field-error-reserved-id = est un mot des adresses du site ({ $words }) : choisissez un autre identifiant

## web: stale edit forms (articles)
web-article-changed = Quelqu’un d’autre a modifié cette version de l’article depuis que vous l’avez ouverte : votre texte est conservé ci-dessous, mais rien n’a été enregistré. Copiez-le, rechargez la page pour voir la dernière version, puis refaites votre modification.

# web errors
web-error-conflict = Quelqu’un d’autre a modifié cet enregistrement entre-temps : rien n’a été enregistré. Rechargez la page, puis refaites votre modification.
web-error-login-required = Connectez-vous pour voir cette page.

## Jetons d'accès à l'API
web-error-token-invalid = Ce jeton d'accès n'est pas valable : mal formé, inconnu, expiré ou révoqué, ou son compte est désactivé.
web-error-token-scope = Ce jeton d'accès ne permet que la lecture : une écriture demande un jeton de portée écriture.
web-error-rate-limited = Trop de requêtes avec ce jeton : attendez le nombre de secondes indiqué par Retry-After, puis réessayez.
web-audit-token = Jeton d'API
web-audit-via-token = par le jeton { $id }
web-audit-error-token = Un jeton se désigne par son numéro.
web-tokens-title = Jetons d'API
web-tokens-intro = Un jeton d'accès personnel permet à un programme (un registre national, le script d'un chercheur) d'utiliser l'API en votre nom : votre rôle, vos pays, les mêmes règles. Il n'est affiché qu'une fois ; gardez-le comme un mot de passe et révoquez-le dès qu'il ne sert plus.
web-token-made = Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.
web-token-example = Envoyez-le dans l'en-tête Authorization :
web-tokens-own = Vos jetons
web-token-name = Nom
web-token-name-example = synchronisation du registre national
web-token-scope = Portée
web-token-starts = Commence par
web-token-expires = Expire le
web-token-last-used = Dernier usage
web-token-never = jamais
web-token-revoke = Révoquer
web-tokens-none = Aucun jeton.
web-token-new = Nouveau jeton
web-token-life = Durée de vie
web-token-days = { $days } jours
web-token-create = Créer le jeton
web-tokens-others = Jetons actifs des autres comptes
web-token-scope-read = lecture
web-token-scope-write = lecture et écriture
web-token-state-active = actif
web-token-state-expired = expiré
web-token-state-revoked = révoqué
web-token-error-name = Donnez au jeton un nom (100 caractères au plus) qui dit à quoi il sert.
web-token-error-scope = Choisissez la portée du jeton : lecture, ou lecture et écriture.
web-token-error-life = Choisissez l'une des durées proposées.
web-error-token-required = Cette adresse demande un jeton d'accès personnel (Authorization: Bearer …) ou une session ouverte.
api-error-invalid-values = Des valeurs ne sont pas valables : voir errors, une entrée par champ.
api-error-parameters = Un paramètre de la requête n'est pas valable : voir errors.
api-error-if-match = Dites quelle version vous modifiez : envoyez If-Match avec l'ETag que vous avez lu.
api-error-changed = L'enregistrement a changé depuis votre lecture : relisez-le (son nouvel ETag est dans cette réponse) et appliquez-y votre modification.
api-error-idempotency-key = Une Idempotency-Key compte de 1 à 255 caractères ASCII visibles.
api-error-idempotency-in-progress = Une requête avec cette Idempotency-Key est encore en cours : réessayez dans un instant.
api-error-idempotency-reused = Cette Idempotency-Key a servi à une autre requête : prenez une nouvelle clé pour une nouvelle requête.
api-error-media-type = Envoyez l'enregistrement en JSON (Content-Type: application/json).
api-error-body = Le corps n'est pas un objet JSON des champs de l'enregistrement.
api-error-review-body = Le corps est vide ou un objet JSON avec un champ "comment".
api-ref-title = L'API
api-ref-intro = Tout ce qu'une personne fait sur ces pages, un programme peut le faire par l'API, avec les mêmes règles : un jeton agit comme son utilisateur, avec le même rôle et les mêmes pays. Les enregistrements viennent en JSON avec les clés des formats natifs ; les refus comme des problèmes (RFC 9457).
api-ref-document = Le document OpenAPI :
api-ref-version = version
api-ref-auth = Un jeton d'accès personnel dans chaque requête :
api-ref-conventions = Listes par curseur (limit, cursor, le lien next) ; un ETag sur chaque enregistrement et If-Match sur chaque modification ; Idempotency-Key sur les créations ; un débit par jeton (429 avec Retry-After) ; dates en ISO 8601.
api-ref-english = Les descriptions des opérations sont celles du document OpenAPI, en anglais.
api-ref-contents = Sommaire
api-ref-schemas = Schémas
api-ref-problems = Problèmes
api-ref-problems-intro = Le type d'un refus désigne l'une de ces sections ; les valeurs non valables sont listées dans ses errors, chacune avec son champ, un code et un message dans la langue de la requête.
api-ref-open = ouvert à tous, sans jeton
api-ref-parameter = Paramètre
api-ref-in = Dans
api-ref-type = Type
api-ref-description = Description
api-ref-body = Corps :
api-ref-status = Statut
api-ref-field = Champ
api-ref-required = * obligatoire.
api-error-too-large = Le corps dépasse ce que cette adresse accepte (un enregistrement : 256 Kio ; un import : 20 Mio).
