# Chaînes de l'interface de Kuza : français.
# Ce fichier définit tous les messages du fichier de référence anglais (en/main.ftl).

## The shell
site-name = Kuza
site-tagline = Apprendre pour des villes et des communautés durables
skip-to-content = Aller au contenu principal
nav-main = Menu principal
nav-home = Accueil
nav-profile = Mon profil
nav-admin-users = Utilisateurs
nav-admin-organisations = Organismes
nav-sign-in = Se connecter
nav-sign-up = Créer un compte
nav-sign-out = Se déconnecter
nav-signed-in-as = Session ouverte : { $name }
language-label = Langue
language-switch = Changer de langue
footer-text = Kuza, une plateforme d'apprentissage ouverte au service du renforcement des capacités.
footer-api = Documentation de l'API
optional = facultatif
required = obligatoire
save = Enregistrer
cancel = Annuler
back-home = Retour à la page d'accueil

## Home
home-title = Apprendre, partout, dans votre langue
home-intro = Des cours destinés aux agents publics, au personnel municipal, aux universités et aux institutions partenaires : en autonomie, animés par un facilitateur ou en format hybride, dans les six langues officielles de l'ONU.
home-welcome = Bienvenue, { $name }.
home-get-started = Créez un compte gratuit pour vous inscrire à des cours et obtenir des certificats.

## Fields
field-email = Adresse électronique
field-password = Mot de passe
field-password-hint = Au moins { $min } caractères. Évitez les mots de passe courants ; quelques mots sans rapport entre eux conviennent très bien.
field-display-name = Nom complet
field-display-name-hint = Tel qu'il doit figurer sur vos certificats.
field-language = Langue préférée
field-country = Pays
field-country-choose = Choisissez un pays
field-organisation = Organisme
field-organisation-none = Aucun ou absent de la liste
field-gender = Genre
field-birth-year = Année de naissance
field-demographics-legend = À propos de vous (facultatif)
field-demographics-purpose = Ces informations servent uniquement à rendre compte, de manière anonyme, de la façon dont nos cours atteignent les femmes et les hommes de différents âges. Vous pouvez ignorer cette section ou choisir « Je préfère ne pas répondre ».
gender-female = Femme
gender-male = Homme
gender-other = Autre genre
gender-prefer_not_to_say = Je préfère ne pas répondre
gender-unspecified = Non renseigné

## Sign up and verification
sign-up-title = Créer un compte
sign-up-button = Créer mon compte
sign-up-have-account = Vous avez déjà un compte ?
sign-up-check-email-title = Consultez votre messagerie
sign-up-check-email = Nous avons envoyé un lien à { $email }. Ouvrez-le pour confirmer votre adresse.
verify-ok-title = Adresse confirmée
verify-ok-body = Merci. Votre adresse électronique est confirmée.
verify-failed-title = Ce lien ne fonctionne pas
verify-failed-body = Le lien a expiré ou a déjà été utilisé. Connectez-vous et demandez-en un nouveau depuis votre profil.
verify-pending = Votre adresse électronique n'est pas encore confirmée.
verify-resend = Renvoyer le lien
verify-resent = Nous avons envoyé un nouveau lien de confirmation à { $email }.

## Sign in
sign-in-title = Connexion
sign-in-button = Se connecter
sign-in-forgot = Mot de passe oublié ?
sign-in-no-account = Première visite ?
sign-in-failed = L'adresse électronique ou le mot de passe est incorrect.
sign-in-throttled = { $minutes ->
    [one] Trop de tentatives. Veuillez patienter { $minutes } minute, puis réessayer.
   *[other] Trop de tentatives. Veuillez patienter { $minutes } minutes, puis réessayer.
}
sign-in-disabled = Ce compte est désactivé. Veuillez contacter les administrateurs.
signed-out = Votre session est fermée.

## Password reset
forgot-title = Réinitialiser votre mot de passe
forgot-intro = Saisissez l'adresse électronique associée à votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-button = Envoyer le lien
forgot-sent = Si un compte est associé à l'adresse { $email }, un lien de réinitialisation du mot de passe vient d'y être envoyé. Il ne peut être utilisé qu'une seule fois, dans un délai d'une heure.
reset-title = Choisir un nouveau mot de passe
reset-button = Enregistrer le nouveau mot de passe
reset-done = Votre mot de passe a été modifié. Veuillez vous connecter avec le nouveau mot de passe.
reset-invalid-title = Ce lien ne fonctionne pas
reset-invalid-body = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.
reset-ask-again = Demander un nouveau lien
invite-title = Bienvenue : choisissez votre mot de passe
invite-intro = Choisissez un mot de passe pour terminer la création de votre compte. Vous vous connecterez avec votre adresse e-mail et ce mot de passe.
invite-button = Enregistrer mon mot de passe
invite-done = Votre compte est prêt. Connectez-vous avec votre adresse e-mail et votre nouveau mot de passe.

## Profile
profile-title = Mon profil
profile-saved = Votre profil a été enregistré.
profile-email = Adresse électronique : { $email }
password-change-title = Changer de mot de passe
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-change-button = Changer de mot de passe
password-changed = Votre mot de passe a été modifié. Vos sessions ont été fermées sur vos autres appareils.

## Administration
admin-users-title = Utilisateurs
admin-users-search = Rechercher par nom ou adresse électronique
admin-search-button = Rechercher
admin-users-count = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
admin-col-name = Nom
admin-col-email = Adresse électronique
admin-col-country = Pays
admin-col-roles = Rôles
admin-col-status = Statut
admin-col-organisation = Organisme
admin-col-type = Catégorie
admin-col-members = Membres
admin-status-active = Actif
admin-status-disabled = Désactivé
admin-status-unverified = Non confirmé
admin-edit = Modifier
admin-user-title = Utilisateur : { $name }
admin-user-roles = Rôles
admin-user-roles-hint = Chaque utilisateur est apprenant. Les observateurs partenaires ne voient que les rapports d'un seul organisme.
admin-user-partner-org = Organisme associé au rôle d'observateur partenaire
admin-user-active = Compte activé
admin-user-saved = L'utilisateur a été enregistré.
admin-orgs-title = Organismes
admin-orgs-count = { $count ->
    [one] { $count } organisme
   *[other] { $count } organismes
}
admin-org-new = Nouvel organisme
admin-org-edit-title = Organisme : { $name }
admin-org-create = Créer l'organisme
admin-org-saved = L'organisme a été enregistré.
admin-none = Aucun élément pour l'instant.
role-learner = Apprenant
role-author = Auteur de cours
role-facilitator = Facilitateur
role-admin = Administrateur
role-partner = Coordinateur partenaire
org-field-name = Nom
org-field-kind = Catégorie
org-kind-academia = Milieu universitaire
org-kind-civil_society = Société civile
org-kind-private_sector = Secteur privé
pager-label = Pagination
pager-previous = Précédente
pager-next = Suivante
pager-position = Page { $page } sur { $pages }

## Form errors
form-has-errors = { $count ->
    [one] Veuillez corriger l'erreur ci-dessous.
   *[other] Veuillez corriger les { $count } erreurs ci-dessous.
}
err-email_invalid = Saisissez une adresse électronique, par exemple nom@example.org.
err-email_taken = Un compte associé à cette adresse électronique existe déjà. Connectez-vous ou réinitialisez votre mot de passe.
err-password_too_short = Le mot de passe doit comporter au moins { $min } caractères.
err-password_too_long = Le mot de passe ne peut pas dépasser { $max } caractères.
err-password_too_common = Ce mot de passe est trop courant ou trop facile à deviner. Essayez quelques mots sans rapport entre eux.
err-password_wrong = Le mot de passe actuel est incorrect.
err-display_name_invalid = Saisissez votre nom (100 caractères au maximum).
err-language_invalid = Choisissez l'une des langues proposées.
err-country_invalid = Choisissez un pays dans la liste.
err-gender_invalid = Choisissez l'une des options proposées.
err-birth_year_invalid = Saisissez une année de naissance, par exemple 1985, ou laissez le champ vide.
err-organisation_unknown = Choisissez un organisme dans la liste.
err-organisation_name_invalid = Saisissez un nom (200 caractères au maximum).
err-organisation_name_taken = Un organisme portant ce nom existe déjà.
err-organisation_kind_invalid = Choisissez une catégorie dans la liste.
err-partner_needs_organisation = Choisissez l'organisme dont cet observateur partenaire peut consulter les rapports.

## Error pages
error-400-title = La requête comporte une erreur
error-400-body = Veuillez revenir en arrière et réessayer.
error-403-title = Vous n'avez pas accès à cette page
error-403-body = Si vous pensez devoir y avoir accès, demandez à un administrateur de vous attribuer le rôle approprié.
error-404-title = Page introuvable
error-404-body = La page a peut-être été déplacée, ou l'adresse comporte une faute de frappe.
error-409-title = Cette action n’est pas possible pour le moment
error-409-body = La page n’est peut-être plus à jour, ou votre demande ne correspond plus à la situation. Revenez en arrière, rechargez la page et réessayez.
error-413-title = Envoi trop volumineux
error-413-body = Ce que vous avez envoyé dépasse la taille acceptée par ce site.
error-429-title = Trop de requêtes
error-429-body = Veuillez patienter un instant, puis réessayer.
error-500-title = Une erreur s'est produite de notre côté
error-500-body = Le problème a été enregistré. S'il persiste, communiquez cette référence aux administrateurs : { $id }
error-csrf-title = Ce formulaire a expiré
error-csrf-body = Pour votre sécurité, les formulaires expirent. Veuillez revenir en arrière, recharger la page et envoyer à nouveau le formulaire.

## Emails
email-greeting = Bonjour { $name },
email-signature = L'équipe { $site }
email-verify-subject = Confirmez votre adresse électronique
email-verify-body = Bienvenue sur { $site }. Veuillez confirmer votre adresse électronique pour terminer la création de votre compte.
email-verify-action = Confirmer mon adresse
email-verify-ignore = Si vous n'avez pas créé de compte, vous pouvez ignorer ce message.
email-reset-subject = Réinitialisez votre mot de passe
email-reset-body = Une demande de réinitialisation du mot de passe de votre compte { $site } a été formulée.
email-reset-action = Choisir un nouveau mot de passe
email-reset-expiry = Le lien ne peut être utilisé qu'une seule fois, dans un délai d'une heure.
email-reset-ignore = Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
email-registered-subject = Vous avez déjà un compte
email-registered-body = Quelqu’un a essayé de créer un compte { $site } avec cette adresse e-mail, qui a déjà un compte.
email-registered-sign-in = Se connecter
email-registered-reset = Mot de passe oublié ? Choisissez-en un nouveau
email-registered-ignore = Si ce n’était pas vous, ignorez ce message : rien n’a changé.
email-link-fallback = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :

## Courses
course-format = Modalité
course-format-self_paced = En autonomie
course-format-facilitated = Animé en ligne
course-format-face_to_face = En présentiel
course-format-blended = Mixte
course-level = Niveau
course-level-introductory = Introductif
course-level-intermediate = Intermédiaire
course-level-advanced = Avancé
course-duration = Durée estimée
course-hours = { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}
course-languages = Proposé en
course-themes = Thèmes
course-syllabus = Programme
course-module-lessons = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
course-version = Version { $number }, publiée le { $date }
course-lesson-optional = Facultative
course-in-other-language = Ce contenu n'est pas encore disponible dans votre langue ; il est affiché en { $language }.

## Catalog
nav-courses = Cours
catalog-title = Cours
catalog-search-label = Rechercher parmi les cours
catalog-search-button = Rechercher
catalog-filters = Filtres
catalog-any = Tous
catalog-language = Langue du cours
catalog-sdg = Objectif de développement durable
catalog-sdg-goal = ODD { $goal }
catalog-sort = Trier par
catalog-sort-default = Pertinence, sinon les plus récents
catalog-sort-relevance = Pertinence
catalog-sort-newest = Les plus récents
catalog-sort-title = Titre
catalog-sort-duration = Les plus courts
catalog-apply = Appliquer les filtres
catalog-clear = Effacer la recherche et les filtres
catalog-ignored = Certains filtres n'ont pas été compris et ont été ignorés.
catalog-count = { $count ->
    [0] Aucun cours trouvé
    [one] { $count } cours trouvé
   *[other] { $count } cours trouvés
}
catalog-empty = Aucun cours publié ne correspond. Essayez d'autres mots ou moins de filtres.

## Studio
nav-studio = Atelier
studio-title = Mes cours
studio-new-course = Nouveau cours
studio-none = Vous n'avez encore aucun cours.
studio-col-title = Cours
studio-col-status = Statut
studio-col-version = Version publiée
studio-status-draft = Brouillon
studio-status-published = Publié
studio-status-archived = Archivé
studio-settings = Paramètres du cours
studio-field-slug = Adresse web
studio-field-slug-hint = Lettres minuscules, chiffres et traits d'union, par exemple urban-planning-basics. Elle ne peut plus être modifiée une fois le cours publié.
studio-field-format = Modalité
studio-field-level = Niveau
studio-field-hours = Nombre d'heures estimé
studio-field-default-language = Langue par défaut
studio-field-default-language-hint = Les textes manquants dans une autre langue sont affichés dans celle-ci.
studio-field-languages = Proposé en
studio-field-themes = Thèmes
studio-field-themes-hint = Séparés par des virgules. Les objectifs de développement durable s'indiquent sous la forme sdg:11 et les cibles sous la forme sdg:11.3.
studio-field-title = Titre
studio-field-summary = Résumé
studio-field-body = Texte (Markdown)
studio-field-required = Obligatoire pour terminer le cours
studio-field-position = Ordre
studio-create = Créer le cours
studio-saved = Enregistrement effectué.
studio-published = Le cours a été publié en tant que version { $version }.
studio-modules = Modules et leçons
studio-add-module = Ajouter un module
studio-add-lesson = Ajouter une leçon
studio-edit = Modifier
studio-delete = Supprimer
studio-back = Retour au cours
studio-publish = Publier une nouvelle version
studio-publish-hint = Les apprenants continuent de voir la version publiée jusqu'à votre prochaine publication.
studio-cannot-publish = Le cours ne peut pas encore être publié :
studio-missing = Traductions manquantes
studio-missing-item = { $field } en { $language }
studio-versions = Historique des versions
studio-version-item = Version { $number } du { $date }
studio-preview = Aperçu côté apprenant
studio-view-published = Ouvrir la page publiée
studio-archive = Archiver le cours
studio-module-title = Module : { $title }
studio-lesson-title = Leçon : { $title }
studio-new-lesson = Nouvelle leçon
studio-no-lessons = Aucune leçon pour l'instant.
studio-preview-banner = Aperçu du brouillon : les apprenants ne le verront qu'après sa publication.
err-slug_invalid = Utilisez de 3 à 80 caractères : lettres minuscules, chiffres et traits d'union isolés.
err-slug_taken = Un autre cours utilise déjà cette adresse web.
err-slug_fixed_after_publication = L'adresse web ne peut plus être modifiée après la publication.
err-format_invalid = Choisissez une modalité dans la liste.
err-level_invalid = Choisissez un niveau dans la liste.
err-hours_invalid = Saisissez un nombre d'heures compris entre 0 et 1 000.
err-theme_invalid = Un thème n'est pas valide : utilisez des mots courts, ou sdg:1 à sdg:17, éventuellement suivi d'une cible.
err-default_language_missing = Ce champ doit être renseigné dans la langue par défaut du cours.
err-language_not_offered = Le cours n'est pas proposé dans cette langue.
err-text_too_long = Ce texte est trop long.
err-control_character = Ce texte contient un caractère de contrôle (par exemple un saut de ligne dans un titre) ; supprimez-le.
err-course_has_no_modules = Ajoutez au moins un module.
err-module_has_no_lessons = Chaque module doit comporter au moins une leçon.
err-lesson_kind_invalid = Choisissez un type de leçon dans la liste.

## Lessons and quizzes
lesson-kind-text = Texte
lesson-kind-video = Vidéo
lesson-kind-file = Téléchargement
lesson-kind-quiz = Quiz
lesson-kind-live = Session en direct
question-kind-single = Choix unique
question-kind-multiple = Choix multiple
question-kind-true_false = Vrai ou faux
question-kind-numeric = Réponse numérique
question-kind-short_text = Réponse courte
quiz-true = Vrai
quiz-false = Faux
lesson-position = Leçon { $position } sur { $count }
lesson-video-download = Télécharger la vidéo ({ $size } KB)
lesson-video-external = Regarder la vidéo (sur un autre site web)
lesson-transcript = Transcription
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}, { $points ->
    [one] { $points } point
   *[other] { $points } points
}
quiz-facts-pass-mark = Seuil de réussite : { $percent } %
quiz-facts-attempts = { $count ->
    [one] { $count } tentative autorisée
   *[other] { $count } tentatives autorisées
}
quiz-facts-attempts-unlimited = Nombre de tentatives illimité
quiz-facts-time-limit = { $minutes ->
    [one] Durée limite : { $minutes } minute
   *[other] Durée limite : { $minutes } minutes
}
lesson-live-note = Les dates de cette session en direct sont fixées séparément pour chaque cohorte de ce cours.
lesson-kind-package = Module interactif
package-done = Terminé
package-review = Revoir
package-resume = Reprendre
package-start = Commencer
package-needs-javascript = Cette leçon interactive nécessite JavaScript ; votre progression est enregistrée au fur et à mesure, et conservée si la connexion est interrompue.
package-review-note = Vous avez terminé cette partie : vous pouvez la revoir, votre résultat ne change pas.
package-contents = Sommaire
package-previous = Partie précédente
package-next = Partie suivante
package-exit = Retour à la leçon
lesson-nav = Leçons
lesson-previous = Précédente
lesson-next = Suivante
studio-no-file = Aucun
studio-field-cover = Image de couverture
studio-field-kind = Type de leçon
studio-field-kind-hint = Si vous changez de type, le titre et le texte sont conservés ; la vidéo, le fichier à télécharger ou le quiz associé à l'ancien type est supprimé.
studio-in-language = En { $language }
studio-field-intro = Introduction (Markdown)
studio-field-captions = Sous-titres (WebVTT)
studio-field-transcript = Transcription (Markdown)
studio-media-hint = Le téléversement des fichiers se fait sur la page des fichiers du cours.
studio-media-link = Fichiers du cours
studio-field-video-file = Fichier vidéo (WebM ou MP4)
studio-field-video-url = Ou un lien vers la vidéo (https)
studio-field-download = Fichier à télécharger
studio-quiz-settings = Paramètres du quiz
studio-field-pass-mark = Seuil de réussite (pourcentage des points)
studio-field-attempts = Nombre de tentatives autorisées
studio-empty-no-limit = Laissez le champ vide pour ne fixer aucune limite.
studio-field-time-limit = Durée limite (en minutes)
studio-field-shuffle = Mélanger les options à chaque tentative
studio-questions = Questions
studio-quiz-points = { $points ->
    [one] { $points } point au total.
   *[other] { $points } points au total.
}
studio-question-untitled = (question sans texte pour l'instant)
studio-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
studio-no-questions = Aucune question pour l'instant.
studio-question-kind = Type de question
studio-add-question = Ajouter une question
studio-question-title = Question
studio-field-points = Points
studio-field-prompt = Énoncé de la question
studio-field-feedback = Commentaire affiché après la tentative
studio-options = Options
studio-options-single-hint = Indiquez une seule option correcte. Les options vides sont ignorées.
studio-options-multiple-hint = Indiquez toutes les options correctes. Les options vides sont ignorées.
studio-option-n = Option { $n }
studio-option-correct = Correcte
studio-option-text = Texte
studio-option-feedback = Commentaire si cette option est choisie
studio-correct-answer = Bonne réponse
studio-field-tolerance = Marge d'erreur
studio-field-tolerance-hint = Les réponses qui ne s'écartent pas de la bonne réponse de plus de cette valeur sont considérées comme justes, par exemple 0,5.
studio-field-accepted = Réponses acceptées
studio-field-accepted-hint = Une par ligne. Il n'est pas tenu compte des majuscules ni des espaces superflus.
studio-field-manual = Transmettre les autres réponses à un facilitateur pour notation
err-media_invalid = Choisissez un fichier du type approprié parmi les fichiers de ce cours.
err-media_missing = Un fichier utilisé par cette leçon est introuvable ou n'est pas du bon type ; sélectionnez-le à nouveau.
err-video_missing = Choisissez un fichier vidéo ou indiquez un lien vers la vidéo.
err-file_missing = Choisissez le fichier à télécharger.
err-quiz_has_no_questions = Ajoutez au moins une question au quiz.
err-quiz_pass_mark_unreachable = Les questions ne rapportent aucun point : personne ne peut donc atteindre le seuil de réussite.
err-single_choice_needs_one_correct = Indiquez une seule option correcte.
err-multiple_choice_needs_a_correct = Indiquez au moins une option correcte.
err-question_needs_two_options = Proposez au moins deux options.
err-short_text_needs_an_answer = Indiquez au moins une réponse acceptée, ou transmettez les réponses à un facilitateur.
err-pass_mark_invalid = Saisissez un seuil de réussite compris entre 1 et 100.
err-attempts_invalid = Saisissez un nombre de tentatives compris entre 1 et 100, ou laissez le champ vide.
err-time_limit_invalid = Saisissez un nombre de minutes compris entre 1 et 1 440, ou laissez le champ vide.
err-too_many_questions = Un quiz peut comporter 200 questions au maximum.
err-points_invalid = Saisissez un nombre entier de points compris entre 0 et 1 000.
err-too_many_options = Une question peut comporter 10 options au maximum.
err-number_invalid = Saisissez un nombre, par exemple 12,5.
err-too_many_answers = Indiquez 50 réponses acceptées au maximum.
err-url_invalid = Saisissez une adresse complète commençant par https://.

## Media
media-open = Fichiers
media-title = Fichiers
media-intro = Images, vidéos, sous-titres et documents de ce cours. Les apprenants peuvent les ouvrir une fois le cours publié ; d’ici là, seuls ses auteurs y ont accès.
media-file = Fichier à envoyer
media-allowed = Formats acceptés : images PNG, JPEG, WebP et GIF ; vidéos WebM et MP4 ; audio MP3 et Ogg ; PDF ; ZIP ; documents Word, Excel et PowerPoint ; fichiers OpenDocument ; sous-titres WebVTT ; CSV et texte brut.
media-limit = Jusqu’à { $mb } Mo par fichier.
media-upload = Envoyer
media-files = Fichiers de ce cours
media-none = Aucun fichier pour l’instant.
media-col-name = Nom
media-col-type = Type
media-col-size = Taille
media-col-actions = Actions
media-delete = Supprimer
media-delete-named = Supprimer { $name }
media-uploaded = Le fichier a été envoyé.
media-deleted = Le fichier a été supprimé.
media-in-use = Le fichier est utilisé par une leçon, l'image de couverture ou une version publiée : il a été conservé.
studio-field-package = Paquet SCORM
studio-package-hint = Téléversez d’abord le paquet sur la page des fichiers du cours.
package-title = Paquets SCORM
package-intro = Téléversez un paquet SCORM 1.2 ou SCORM 2004 (un zip avec imsmanifest.xml à sa racine), puis choisissez-le dans une leçon de type « Module interactif ».
package-file = Paquet (zip)
package-allowed = SCORM 1.2 et SCORM 2004 (3e et 4e éditions).
package-upload = Téléverser le paquet
package-none = Aucun paquet pour l’instant.
package-uploaded = Le paquet a été téléversé.
package-deleted = Le paquet a été supprimé.
package-in-use = Une leçon du brouillon ou d’une version publiée utilise ce paquet ; il a été conservé.
package-refused = Ce paquet ne peut pas être utilisé, et rien n’en a été conservé :
package-err-not_a_zip = Le fichier n’est pas un zip.
package-err-manifest_missing = Le paquet n’a pas de fichier imsmanifest.xml.
package-err-manifest_not_at_root = imsmanifest.xml doit se trouver à la racine du zip, pas dans un dossier.
package-err-schema_unknown = Le manifeste n’est ni SCORM 1.2 ni SCORM 2004.
package-err-path_outside = Un chemin pointe hors du paquet.
package-err-too_large = Le paquet décompressé dépasse la taille autorisée.
package-err-manifest_dtd = Le manifeste déclare une DTD (les entités sont refusées).
package-err-file_missing = Un fichier nommé par le manifeste manque dans le paquet.
package-err-nothing_to_launch = Le paquet n’a rien à lancer.
package-err-other = Le manifeste contient une erreur.
media-err-not-allowed = Ce type de fichier n’est pas accepté. Le type est déterminé d’après le contenu du fichier, non d’après son nom.
media-err-empty = Le fichier est vide.
media-err-no-file = Choisissez un fichier à envoyer.
media-err-bad-name = Le fichier doit avoir un nom comportant des lettres ou des chiffres.
media-size-bytes = { $n } octets
media-size-kb = { $n } Ko
media-size-mb = { $n } Mo

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = Votre inscription à un cours est confirmée
email-enrolled-body = Votre inscription au cours « { $course } » est confirmée. Commencez quand vous le souhaitez : votre progression est enregistrée au fur et à mesure.
email-enrolled-action = Ouvrir le cours
nav-dashboard = Mon apprentissage
learn-enrolment = Inscription
learn-enrol = S'inscrire
learn-enrol-key = Clé d'inscription
learn-enrol-key-hint = Cette clé vous est fournie par l'équipe du cours ou par votre organisme.
learn-sign-in-to-enrol = Se connecter pour s'inscrire
learn-enrol-to-track = Inscrivez-vous au cours pour que votre progression soit enregistrée et pour répondre à ses quiz.
learn-go-to-course = Aller à la page du cours
learn-enrolled-on = Date d'inscription : { $date }
learn-progress = Votre progression
learn-progress-value = { $done ->
    [one] Terminé à { $percent } % : { $done } leçon sur { $total }
   *[other] Terminé à { $percent } % : { $done } leçons sur { $total }
}
learn-progress-percent = Terminé à { $percent } %
learn-module-progress = Terminé à { $percent } %
learn-continue = Continuer
learn-start = Commencer
learn-withdraw = Quitter ce cours
learn-withdraw-hint = Votre progression est conservée si vous revenez.
learn-completed = Terminé
learn-completed-on = Vous avez terminé ce cours le { $date }.
learn-lesson-done = Terminée
learn-mark-complete = Marquer comme terminée
learn-notice-enrolled = Votre inscription est confirmée. Votre progression est enregistrée au fur et à mesure.
learn-notice-withdrawn = Vous avez quitté le cours. Votre progression est conservée si vous revenez.
learn-notice-completed = Félicitations : vous avez terminé le cours.
enrol-error-enrolment_key_required = Ce cours nécessite une clé d'inscription.
enrol-error-enrolment_key_wrong = Cette clé d'inscription n'est pas valide. Vérifiez-la et réessayez.
enrol-error-course_full = Ce cours est complet.
enrol-error-enrolment_closed = Les inscriptions à ce cours sont fermées pour le moment.
enrol-error-enrolment_needs_cohort = Ce cours se déroule par cohortes : vous pourrez vous inscrire à l'ouverture d'une cohorte.
quiz-attempts-title = Vos tentatives
quiz-attempt = Tentative
quiz-score = Score
quiz-status = Statut
quiz-attempt-number = Tentative { $number }
quiz-attempt-score = { $max ->
    [one] { $points } sur { $max } point ({ $percent } %)
   *[other] { $points } sur { $max } points ({ $percent } %)
}
quiz-attempt-open = En cours
quiz-attempt-expired = Non envoyée dans le délai imparti
quiz-attempt-pending = En attente de notation par un facilitateur
quiz-attempt-passed = Réussie
quiz-attempt-failed = Non réussie
quiz-counted = Prise en compte
quiz-policy-best = Votre meilleure tentative est prise en compte.
quiz-policy-last = Votre dernière tentative est prise en compte.
quiz-start = Commencer une tentative
quiz-resume = Reprendre votre tentative
quiz-attempts-left = { $count ->
    [one] { $count } tentative restante
   *[other] { $count } tentatives restantes
}
quiz-no-attempts-left = Vous avez utilisé toutes vos tentatives pour ce quiz.
quiz-passed = Vous avez réussi ce quiz.
quiz-time-left = { $minutes ->
    [one] Envoyez vos réponses dans un délai de { $minutes } minute (avant { $time } UTC).
   *[other] Envoyez vos réponses dans un délai de { $minutes } minutes (avant { $time } UTC).
}
quiz-points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
quiz-choose-all = Choisissez toutes les réponses qui conviennent.
quiz-numeric-hint = Un nombre ; utilisez un point ou une virgule pour les décimales.
quiz-your-answer = Votre réponse
quiz-submit = Envoyer mes réponses
quiz-result = Votre résultat
quiz-outcome-correct = Bonne réponse
quiz-outcome-incorrect = Mauvaise réponse
quiz-outcome-unanswered = Sans réponse
quiz-outcome-pending = Un facilitateur notera cette réponse
quiz-error-time_over = Le temps imparti pour cette tentative est écoulé. Les réponses envoyées après la limite de temps ne sont pas enregistrées.
quiz-error-bad_answers = Certaines réponses ne correspondent pas à ce quiz. Rechargez la page et réessayez.
quiz-back-to-lesson = Retour à la leçon
dashboard-title = Mon apprentissage
dashboard-in-progress = En cours
dashboard-completed = Terminés
dashboard-empty = Vous ne suivez encore aucun cours.
dashboard-browse = Parcourir les cours
dashboard-archived = Ce cours n'est plus proposé.

## Cohorts and waitlists
email-waitlisted-subject = Vous êtes sur la liste d'attente d'un cours
email-waitlisted-body = La cohorte « { $cohort } » du cours « { $course } » est complète : vous figurez donc sur sa liste d'attente. Si une place se libère, nous vous en informerons par courriel et vous la réserverons pendant un certain temps.
email-offered-subject = Une place vous est proposée : veuillez confirmer
email-offered-body = Une place s'est libérée pour vous dans la cohorte « { $cohort } » du cours « { $course } ». Confirmez-la au plus tard le { $deadline } (UTC), faute de quoi elle sera proposée à la personne suivante sur la liste d'attente.
email-offered-action = Confirmer ma place
enrol-error-cohort_closed = Les inscriptions à cette cohorte ne sont pas ouvertes.
enrol-error-enrollment_removed = Un coordinateur a annulé votre inscription à ce cours. Contactez-le si vous pensez qu'il s'agit d'une erreur.
enrol-error-no_offer = Aucune place ne vous est réservée : l'offre a expiré ou a déjà été acceptée.
cohort-none = Aucune cohorte n'est ouverte aux inscriptions pour le moment.
cohort-dates = Du { $start } au { $end }
cohort-full = Complet : rejoignez la liste d'attente
cohort-places-left = { $count ->
    [one] { $count } place restante
   *[other] { $count } places restantes
}
cohort-join-waitlist = Rejoindre la liste d'attente
cohort-waitlisted = Vous êtes sur la liste d'attente de la cohorte « { $cohort } ». Si une place se libère, nous vous en informerons par courriel.
cohort-offered = Une place vous est réservée dans la cohorte « { $cohort } » jusqu'au { $deadline } (UTC). Confirmez-la, faute de quoi elle sera proposée à la personne suivante.
cohort-confirm = Confirmer ma place
cohort-decline = Refuser la place
cohort-leave-waitlist = Quitter la liste d'attente
dashboard-waitlisted = Sur liste d'attente
dashboard-offered = Une place attend votre confirmation

## Live sessions and attendance
email-session_reminder-subject = Rappel : une session en direct aura lieu prochainement
email-session_reminder-body = La session « { $session } » du cours « { $course } » commence le { $when }.
session-venue = Lieu
session-link = Lien pour participer
# In emails, before the venue or the link (with the space that follows, if any).
session-venue-label = Lieu :{" "}
session-link-label = Lien pour participer :{" "}
sessions-title = Sessions en direct
sessions-add-to-calendar = Ajouter à mon agenda
sessions-facilitated = Sessions dont vous assurez la facilitation
sessions-take-attendance = Relever les présences
calendar-feed = Votre flux d'agenda
calendar-feed-hint = Abonnez-vous à cette adresse dans votre application d'agenda pour y voir vos sessions en direct. Ne la communiquez à personne.
attendance-title = Présences
attendance-present = Présent
attendance-absent = Absent
attendance-excused = Excusé
attendance-save = Enregistrer les présences
attendance-saved = Les présences ont été enregistrées.
attendance-nobody = Aucun apprenant ne suit encore cette cohorte.

## Studio: cohorts and enrolment
studio-cohorts-open = Cohortes et inscriptions
studio-cohorts-title = Cohortes et inscriptions
studio-enrolment-settings = Qui peut s'inscrire
studio-partners = Organisations partenaires
studio-partners-hint = Une organisation partenaire qui dispose de places ici peut inscrire ses membres à partir d’un fichier, même si le cours n’est pas ouvert à tous. Ses membres déjà inscrits le restent si les places sont retirées.
studio-partners-organisation = Organisation
studio-partners-places = Places
studio-partners-places-hint = Laisser vide pour ne fixer aucune limite.
studio-partners-unlimited = sans limite
studio-partners-grant = Accorder des places
studio-partners-withdraw = Retirer
studio-enrolment-mode = Inscription
studio-enrolment-open = Ouverte à toute personne connectée
studio-enrolment-key = Avec une clé d'inscription
studio-enrolment-closed = Fermée
studio-enrolment-cap = Nombre maximal d'apprenants inscrits en même temps (laissez le champ vide pour ne fixer aucune limite)
studio-grade-policy = Tentative prise en compte pour les quiz
studio-attendance-percent = Présence requise pour terminer le cours (en %)
studio-attendance-percent-hint = Part des sessions en direct de sa cohorte auxquelles un apprenant doit assister ; les sessions pour lesquelles il a été excusé ne sont pas comptées. Laissez le champ vide pour ne fixer aucune règle de ce type.
studio-save = Enregistrer
studio-cohorts-list = Cohortes
studio-cohorts-none = Aucune cohorte pour l'instant.
studio-cohort-new = Nouvelle cohorte
studio-cohort-create = Créer la cohorte
studio-cohort-settings = Paramètres de la cohorte
studio-cohort-name = Nom
studio-cohort-dates = Dates
studio-cohort-places = Places occupées
studio-cohort-language = Langue d'enseignement
studio-cohort-starts_on = Date de début
studio-cohort-ends_on = Date de fin
studio-cohort-opens_on = Ouverture des inscriptions (vide : dès maintenant)
studio-cohort-closes_on = Clôture des inscriptions (vide : au début de la cohorte)
studio-cohort-capacity = Places
studio-cohort-capacity-hint = Au-delà, les apprenants rejoignent une liste d'attente. Laissez le champ vide pour ne fixer aucune limite.
studio-cohort-confirm-hours = Délai de confirmation d'une place proposée depuis la liste d'attente (en heures)
studio-cohort-facilitators = Facilitateurs
studio-cohort-facilitators-hint = Leurs adresses électroniques, séparées par des virgules. Ils doivent avoir un compte.
studio-roster = Apprenants
studio-roster-name = Apprenant
studio-roster-status = Statut
studio-roster-progress = Progression
studio-roster-remove = Annuler l'inscription
studio-roster-message = Message (conservé dans l'historique)
studio-roster-csv = Télécharger la liste (CSV)
studio-session-new = Nouvelle session
studio-session-title = Titre
studio-session-time-zone = Fuseau horaire du lieu de la session
studio-session-time-zone-hint = Par exemple Africa/Nairobi, Europe/Paris ou America/Bogota. Les heures ci-dessous sont les heures locales de ce fuseau.
studio-session-starts = Début
studio-session-ends = Fin
studio-session-lesson = Leçon « Session en direct » correspondante
studio-session-no-lesson = Aucune
studio-session-add = Ajouter la session
enrollment-status-active = Active
enrollment-status-completed = Terminée
enrollment-status-withdrawn = Abandonnée
enrollment-status-removed = Annulée
enrollment-status-waitlisted = Sur liste d'attente
enrollment-status-offered = Place proposée
err-required = Champ obligatoire.
err-places_invalid = Indiquez un nombre entier de places de 1 à 100 000, ou laissez vide pour ne fixer aucune limite.
err-too_long = Texte trop long.
err-not_a_course_language = Choisissez l'une des langues du cours.
err-before_start = Doit se situer après le début.
err-before_opening = Doit se situer après l'ouverture des inscriptions.
err-after_end = Doit se situer avant la fin.
err-out_of_range = Valeur hors limites.
err-not_a_date_time = Date ou heure non valide.
err-unknown_time_zone = Indiquez un fuseau horaire valide, par exemple Africa/Nairobi.
err-not_https = L'adresse doit commencer par https://.
err-venue_or_link_required = Indiquez un lieu, un lien de réunion, ou les deux.
err-not_a_live_lesson = Cette leçon n'est pas une session en direct de ce cours.
err-unknown_value = Choisissez l'une des options proposées.
err-unknown_email = Aucun compte n'est associé à cette adresse électronique.

## Bulk enrolment
email-invited-subject = Invitation à suivre un cours
email-invited-body = Votre inscription au cours « { $course } » sur { $site } a été effectuée. Choisissez un mot de passe pour vous connecter et commencer.
email-invited-action = Choisir mon mot de passe
email-invited-expiry = Le lien ne peut être utilisé qu'une seule fois, dans un délai de 14 jours.
bulk-title = Inscrire des personnes à partir d'un fichier
bulk-help = Envoyez un fichier CSV comportant une ligne d'en-tête : les colonnes email, name et country (code de pays à deux lettres) sont obligatoires pour chaque personne, et la colonne language (ar, zh, en, fr, ru ou es) est facultative. Les personnes qui ont déjà un compte sont inscrites ; pour les autres, un compte est créé et un courriel les invite à choisir un mot de passe. Nombre maximal de lignes : { $max }.
bulk-cohort = Cohorte
bulk-file = Fichier CSV
bulk-submit = Inscrire ces personnes
bulk-summary = Lignes acceptées : { $accepted } ; lignes refusées : { $rejected }.
bulk-results = Résultat ligne par ligne
bulk-line = Ligne
bulk-email = Adresse électronique
bulk-result = Résultat
bulk-result-enrolled = Inscrit
bulk-result-waitlisted = Sur liste d'attente
bulk-result-invited = Invité (nouveau compte)
bulk-result-already_enrolled = Déjà inscrit
bulk-result-rejected = Refusé
bulk-file-refused = Le fichier n'a pas été utilisé ; aucune modification n'a été effectuée :
bulk-error-no_file = Choisissez un fichier à envoyer.
bulk-error-not_utf8 = Le fichier n'est pas un texte UTF-8. Enregistrez-le depuis votre tableur au format « CSV UTF-8 ».
bulk-error-missing_column = L'en-tête ne comporte pas de colonne « { $at } ».
bulk-error-unknown_column = L'en-tête comporte une colonne que cette page ne reconnaît pas : « { $at } ».
bulk-error-malformed = Le fichier ne peut pas être lu en tant que fichier CSV (vers la ligne { $at }).
bulk-error-no_rows = Le fichier comporte un en-tête, mais aucune ligne de données.
bulk-error-too_many_rows = Le fichier comporte plus de { $at } lignes : scindez-le en plusieurs fichiers.

## Grading
grading-title = Réponses à noter
grading-none = Aucune réponse n'attend d'être notée.
grading-answer = Réponse de l'apprenant
grading-accepted = Réponses acceptées par l'auteur
grading-save = Enregistrer les notes
grading-saved = Notes enregistrées.

## Applications
email-accepted-subject = Votre candidature a été acceptée
email-accepted-body = Votre candidature au cours « { $course } » a été acceptée : vous pouvez commencer.
email-accepted-waitlisted = Votre candidature au cours « { $course } » a été acceptée. La cohorte est complète pour le moment : vous figurez donc sur sa liste d'attente ; nous vous informerons par courriel dès qu'une place se libérera.
email-declined-subject = Votre candidature n'a pas été retenue
email-declined-body = Votre candidature au cours « { $course } » n'a pas été retenue cette fois-ci.
application-intro = Ce cours est accessible sur candidature : répondez aux questions ci-dessous, et l'équipe du cours vous répondra par courriel.
application-submit = Envoyer ma candidature
application-pending = Votre candidature est en cours d'examen par l'équipe du cours. Vous recevrez sa réponse par courriel.
application-withdraw = Retirer ma candidature
enrol-error-answers_required = Répondez à toutes les questions pour présenter votre candidature.
studio-enrolment-application = Sur candidature (questions ci-dessous)
studio-screening-questions = Questions posées aux candidats
studio-screening-questions-hint = Une par ligne, dans la langue par défaut du cours.
studio-applications = Candidatures
studio-decision-message = Message adressé au candidat (facultatif)
studio-accept = Accepter
studio-decline = Refuser
enrollment-status-applied = Candidature déposée
enrollment-status-declined = Candidature refusée

## Certificates
certs-title = Mes certificats
certs-empty = Vous n’avez pas encore de certificat. Terminez un cours pour en obtenir un.
certs-held-email_unconfirmed = Ce certificat attend que vous confirmiez votre adresse électronique. Confirmez-la avec le lien que nous vous avons envoyé : le certificat sera délivré aussitôt.
certs-resend = Renvoyer le message de confirmation
certs-open = Voir et partager
cert-title = Certificat
cert-status-valid = Valide. Ce certificat a été délivré par { $site }.
cert-status-revoked = Révoqué le { $date }. Ce certificat n’est plus valide.
cert-revoked-reason = Motif : { $reason }
cert-number = Numéro
cert-awarded-to = Décerné à
cert-kind = Type
cert-kind-completion = Certificat de réussite
cert-kind-participation = Certificat de participation
cert-course = Cours
cert-completed-on = Terminé le
cert-duration = Durée
cert-hours = { $hours ->
    [one] 1 heure
   *[other] { $hours } heures
}
cert-issued-by = Délivré par
cert-issued-on = Délivré le
cert-address = Adresse de vérification
cert-revision = Révision { $revision }
cert-revoke = Révoquer ce certificat
cert-revoke-reason = Motif (affiché sur cette page et envoyé à l’apprenant)
cert-revoke-button = Révoquer
cert-earned = Certificat { $number }
certificate-revoked = Le certificat est révoqué.
email-certificate_issued-subject = Votre certificat est prêt
email-certificate_issued-body = Félicitations, vous avez terminé « { $course } ». Votre certificat { $number } est prêt, et chacun peut le vérifier à son adresse.
email-certificate_issued-action = Voir votre certificat
email-certificate_issued-all = Tous vos certificats :
email-certificate_revoked-subject = Votre certificat a été révoqué
email-certificate_revoked-body = Votre certificat { $number } pour « { $course } » a été révoqué. Motif : { $reason }
email-certificate_revoked-action = Voir la page du certificat
err-reason_invalid = Indiquez un motif de 1 000 caractères au plus.
err-name_invalid = Indiquez un nom de 200 caractères au plus.

## Certificates as PDF
pdf-presented = Le présent certificat atteste que
pdf-reason-completion = a suivi avec succès le cours
pdf-reason-participation = a participé au cours
pdf-completed-on = Terminé le { $date }
pdf-duration = Durée : { $duration }
pdf-number = Numéro du certificat
pdf-verify = Vérifier à l’adresse
pdf-date = { $day } { $month } { $year }
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
cert-download = Télécharger le certificat (PDF)
cert-share = Partager
cert-linkedin = Ajouter au profil LinkedIn
cert-pdf-languages = PDF dans une autre langue :
cert-revoked-pdf = Ce certificat a été révoqué le { $date } : son PDF n’est plus délivré.
cert-credential = Télécharger l’attestation numérique (Open Badges 3.0)
cert-credential-hint = Une attestation numérique signée : ajoutez-la à un portefeuille ou remettez-la à un employeur ; chacun peut la vérifier sans compte.

## Certificates: verification by number, administrators
verify-title = Vérifier un certificat
verify-intro = Saisissez le numéro imprimé sur le certificat (par exemple KZ-2026-000123) pour savoir s’il est valide et à qui il a été délivré.
verify-number = Numéro du certificat
verify-button = Vérifier
verify-missing = Aucun certificat ne porte le numéro { $number }. Vérifiez le numéro et réessayez.
admin-certs-title = Certificats
admin-certs-count = { $count ->
    [one] 1 certificat
   *[other] { $count } certificats
}
admin-certs-course = Cours (id)
admin-certs-cohort = Cohorte (id)
admin-certs-status = Statut
admin-certs-from = Terminé à partir du
admin-certs-to = Terminé avant le
admin-certs-any = Tous
admin-certs-apply = Appliquer
admin-certs-csv = Télécharger en CSV
cert-status-name-held = En attente
cert-status-name-issued = Délivré
cert-status-name-revoked = Révoqué
cert-correct = Corriger le nom
cert-correct-name = Le nom tel qu’il doit figurer (le numéro reste ; une nouvelle révision est délivrée)
cert-correct-button = Corriger et délivrer à nouveau
certificate-revised = Le nom est corrigé : une nouvelle révision du certificat a été délivrée.
certificate-issued = Le certificat a été délivré.
admin-records = Cours et certificats
admin-records-none = Aucun cours pouvant donner lieu à un certificat.
admin-issue-reason = Délivrer le certificat manuellement : où et comment le cours a été suivi (conservé dans le journal d’audit)
admin-issue-button = Délivrer le certificat
nav-admin-certificates = Certificats
footer-verify = Vérifier un certificat
studio-min-score = Note finale requise pour le certificat (en %)
studio-min-score-hint = La part des points des quiz du cours qu’un apprenant doit obtenir ; son certificat attend qu’il l’atteigne (il peut refaire les quiz qui le permettent). L’abaisser délivre les certificats en attente. Laissez vide pour ne fixer aucune condition.
certs-held-score_below_minimum = Votre certificat attend que votre note finale atteigne le minimum du cours (elle est de { $score } %). Refaites les quiz du cours qui le permettent.
cert-final-score = Note finale : { $score } %

## End-of-training reports
report-title = Rapport de fin de formation
report-intro = Une fois la formation terminée, déposez son rapport : un administrateur le valide, et les certificats qui l’attendent sont délivrés aussitôt.
report-filed-on = Déposé le { $date } ; en attente de validation par un administrateur. Vous pouvez encore le modifier.
report-validated-on = Validé le { $date }. Les certificats qui l’attendaient ont été délivrés.
report-validate-hint = Vérifiez le rapport : le valider délivre les certificats qui l’attendent, et le rapport ne change plus.
report-validate = Valider le rapport
report-starts = Début de la formation
report-ends = Fin de la formation
report-facilitators = Animateurs
report-participants = Participants
report-attendance = Synthèse de la présence
report-outcomes = Résultats
report-remarks = Remarques (facultatif)
report-file = Déposer le rapport
report-held = Certificats en attente
report-held-none = Aucun certificat de cette cohorte n’est en attente.
held-reason-email_unconfirmed = adresse électronique non confirmée
held-reason-score_below_minimum = note finale inférieure au minimum du cours
held-reason-report_pending = en attente du rapport de fin de formation
certs-held-report_pending = Votre certificat attend le rapport de fin de formation de votre cohorte : il sera délivré dès qu’un administrateur l’aura validé.
report-filed = Le rapport est déposé.
report-validated = Le rapport est validé et les certificats en attente ont été délivrés.
studio-needs-report = Les certificats des cohortes attendent le rapport de fin de formation
studio-needs-report-hint = Le coordinateur de chaque cohorte dépose un rapport (dates, animateurs, participants, présence, résultats) ; un administrateur le valide, ce qui délivre les certificats de la cohorte.
studio-cohort-report = Rapport de fin de formation
studio-certificate-preview = Le certificat
studio-certificate-preview-hint = Un exemple du certificat de ce cours dans chacune de ses langues, avec un nom écrit dans l’alphabet de la langue (PDF).
error-503-title = Ce n’est pas encore disponible ici
error-503-body = Ce serveur n’est pas encore configuré pour cela. Les administrateurs en ont été informés ; réessayez plus tard.

## Présentation du certificat : la bibliothèque, le choix d’un cours, les approbations
nav-admin-library = Bibliothèque des certificats
nav-endorsements = Approbations
library-title = Bibliothèque des certificats
library-intro = Signataires et logos que les cours peuvent faire figurer sur leurs certificats. Les certificats conservent les éléments avec lesquels ils ont été délivrés : retirer un élément ne modifie que les certificats délivrés par la suite.
library-signatories = Signataires
library-logos = Logos
library-name = Nom
library-signatory-title = Fonction
library-organisation = Organisation
library-signature = Signature (image)
library-signature-of = Signature de { $name }
library-image-hint = PNG, JPEG ou SVG, { $kb } Ko au maximum.
library-add-signatory = Ajouter un signataire
library-add-logo = Ajouter un logo
library-add = Ajouter
library-logo-name = Nom du logo
library-logo-image = Image
library-logo-instance = Il s’agit du logo propre à la plateforme (en tête de chaque certificat)
library-instance-logo = Logo de la plateforme
library-make-instance = Utiliser comme logo de la plateforme
library-make-instance-named = Utiliser { $name } comme logo de la plateforme
library-retire = Retirer
library-retire-named = Retirer { $name }
library-retired = Retiré
library-saved = La bibliothèque des certificats est enregistrée.
design-title = Présentation du certificat
design-link = Choisir les signataires et les logos du certificat
design-intro = Choisissez, dans la bibliothèque de la plateforme, qui signe les certificats de ce cours et quels logos de partenaires y figurent. Les certificats délivrés à partir de maintenant les afficheront ; ceux déjà délivrés conservent les leurs.
design-signatories = Signataires (trois au maximum, dans cet ordre)
design-signatory-n = Signataire { $n }
design-none = Aucun
design-logos = Logos des partenaires ({ $max } au maximum)
design-library-empty = La bibliothèque n’en contient pas encore ; un administrateur les ajoute dans la bibliothèque des certificats.
design-save = Enregistrer la présentation
design-saved = La présentation du certificat est enregistrée.
design-also = Figurent également sur le certificat
design-instance = Le logo et le nom de { $site }.
design-endorsed-by = Approuvé par :
endorse-title = Approuver ce cours
endorse-intro = Demandez que { $organisation } approuve ce cours. Une fois la demande validée par un administrateur, les certificats délivrés à partir de ce moment afficheront le logo et le signataire de votre organisation et porteront son approbation signée.
endorse-comment = Ce que votre organisation dit du cours (facultatif)
endorse-signatory = Signataire de votre organisation
endorse-logo = Logo de votre organisation
endorse-button = Envoyer la demande d’approbation
endorse-already-requested = Votre organisation a demandé à approuver ce cours ; un administrateur statuera.
endorse-already-approved = Votre organisation approuve ce cours.
endorsement-requested = Votre demande est envoyée ; un administrateur statuera.
endorsement-decided = L’approbation est mise à jour.
endorsements-title = Approbations
endorsements-intro = Approbations de cours par les organisations partenaires. Retirer une approbation ne modifie que les certificats délivrés par la suite.
endorsements-organisation = Organisation
endorsement-status-requested = Demandée
endorsement-status-approved = Validée
endorsement-status-declined = Refusée
endorsement-status-withdrawn = Retirée
endorsement-credential = Approbation signée
endorsement-approve = Valider
endorsement-approve-named = Valider l’approbation de { $name }
endorsement-decline = Refuser
endorsement-decline-named = Refuser l’approbation de { $name }
endorsement-withdraw = Retirer
endorsement-withdraw-named = Retirer l’approbation de { $name }
cert-signatories = Signé par
cert-endorsed-by = Approuvé par
err-field_required = Ce champ est obligatoire.
err-field_invalid = Utilisez uniquement des caractères imprimables.
err-field_too_long = Ce texte est trop long.
err-image_too_large = L’image est trop volumineuse (512 Ko au maximum).
err-image_invalid = Ce fichier n’est pas une image PNG, JPEG ou SVG lisible.
err-image_required = Choisissez une image.
err-not_base64 = Ce contenu n’est pas codé en base64.
err-too_many_signatories = Choisissez trois signataires au maximum.
err-too_many_logos = Choisissez quatre logos au maximum.
err-chosen_twice = Le même signataire ou logo est choisi deux fois.
err-not_in_library = L’un d’eux ne figure plus dans la bibliothèque.
design-sample-names = Le même certificat avec un nom d’exemple dans chacune des six écritures (l’écriture d’un nom peut différer de celle du certificat) :

## Organisations and their members
nav-organisation = Mon organisme
org-kind-national_government = Gouvernement national
org-kind-local_government = Collectivité locale
org-kind-un_system = Système des Nations Unies ou organisation intergouvernementale
org-kind-other = Autre
org-field-names = Nom dans d’autres langues
org-field-names-hint = Affiché aux personnes qui consultent la plateforme dans cette langue ; laissez une langue vide pour afficher le nom ci-dessus.
org-field-domains = Domaines de messagerie
org-field-domains-hint = Un par ligne, par exemple nairobi.go.ke. Les personnes dont l’adresse électronique confirmée relève de l’un de ces domaines sont membres sans attendre la confirmation d’un coordinateur. Les services de messagerie publics ne peuvent pas être utilisés.
err-email_domain_invalid = Saisissez des noms de domaine, par exemple nairobi.go.ke, un par ligne.
err-email_domain_public = Un service de messagerie public ne peut pas faire partie des domaines d’un organisme : n’importe qui peut y avoir une adresse.
err-email_domains_too_many = Saisissez 20 domaines au maximum.
members-title = Membres
members-intro = Les personnes qui indiquent votre organisme dans leur profil attendent ici que vous les confirmiez. Seuls les membres confirmés apparaissent avec leurs cours et sont pris en compte dans les chiffres de votre organisme.
members-tabs = Membres par statut
members-confirmed = Confirmés ({ $count })
members-pending = En attente ({ $count })
members-confirmed-caption = Membres confirmés
members-pending-caption = Personnes en attente de confirmation
members-col-studying = En cours
members-col-completed = Terminés
members-col-certificates = Certificats
members-col-confirmed = Date de confirmation
members-by-coordinator = par un coordinateur
members-by-administrator = par un administrateur
members-by-invitation = inscrit par l’organisme
members-by-domain = par son adresse électronique
members-confirm = Confirmer
members-decline = Refuser
members-remove = Retirer
members-none = Aucun membre confirmé pour l’instant.
members-none-pending = Personne n’est en attente de confirmation.
member-confirmed = Le membre est confirmé.
member-removed = La personne n’est plus membre de l’organisme.
member-courses = Cours
member-col-progress = Progression
member-col-certificate = Certificat
member-enrolled-on = Date d’inscription : { $date }
member-no-courses = Aucun cours pour l’instant.
membership-pending = Votre organisme n’a pas encore confirmé votre appartenance. Tant qu’il ne l’a pas fait, vous ne figurez pas parmi ses membres.
membership-confirmed = Votre organisme a confirmé que vous en êtes membre.

## Reports
nav-reports = Rapports
role-partner_viewer = Observateur partenaire (consulte les rapports de son organisme)
reports-title = Rapport sur l'apprentissage
reports-title-of = Rapport sur l'apprentissage : { $organisation }
reports-intro = Qui a participé et quels résultats ont été obtenus, d'après les données d'apprentissage enregistrées. Les petits effectifs ne sont pas affichés, afin que personne ne puisse être identifié.
report-from = Date de début
report-to = Date de fin (incluse)
report-by = Regrouper par
report-then = Puis par
report-measure = Indicateur représenté
report-organisation = Organisme
report-course = Cours
report-course-format = Modalité
report-language = Langue d'étude
report-any = Tous
report-nothing = Aucun (une seule ligne)
report-show = Afficher le rapport
report-download-csv = Télécharger au format CSV
report-download-xlsx = Télécharger au format Excel (XLSX)
report-period = Du { $from } au { $to }
report-note-small = <{ $threshold }: effectif compris entre 1 et { $threshold } moins un, non affiché afin que personne ne puisse être identifié.
report-note-hidden = x: valeur non affichée, afin qu'un total ou une différence ne permette pas de retrouver un petit effectif.
report-note-source = Source : { $site }, d'après ses données d'apprentissage.
report-total = Total
report-everyone = Ensemble
report-empty = Rien n'a été comptabilisé pour cette période.
report-not-stated = Non renseigné
report-none = Aucun
report-no-cohort = Hors cohorte
report-no-organisation = Aucun organisme confirmé
report-group-ldc = Pays les moins avancés
report-group-lldc = Pays en développement sans littoral
report-group-sids = Petits États insulaires en développement
report-group-other = Autres pays
report-age-under_25 = Moins de 25 ans
report-age-25_34 = 25 à 34 ans
report-age-35_44 = 35 à 44 ans
report-age-45_54 = 45 à 54 ans
report-age-55_64 = 55 à 64 ans
report-age-65_plus = 65 ans et plus
report-by-course = Cours
report-by-cohort = Cohorte
report-by-format = Modalité
report-by-language = Langue d'étude
report-by-month = Mois
report-by-quarter = Trimestre
report-by-year = Année
report-by-country = Pays ou zone
report-by-region = Région
report-by-sub_region = Sous-région
report-by-ldc = Pays les moins avancés
report-by-lldc = Pays en développement sans littoral
report-by-sids = Petits États insulaires en développement
report-by-gender = Genre
report-by-age_band = Âge
report-by-organisation_kind = Catégorie d'organisme
report-by-organisation = Organisme
report-measure-enrolments = Inscriptions
report-measure-active_learners = Apprenants actifs
report-measure-completions = Cours terminés
report-measure-completion_rate = Taux d'achèvement
report-measure-certificates = Certificats délivrés
report-measure-average_score = Score final moyen (%)
report-measure-median_days = Nombre médian de jours pour terminer le cours
report-measure-attendance_rate = Taux de présence
report-chart-title = { $measure } selon le critère « { $by } »
report-chart-desc = Une barre par groupe ; le tableau ci-dessous donne les mêmes chiffres. Les effectifs trop petits pour être affichés ne sont pas représentés.
err-not_a_date = Saisissez une date au format AAAA-MM-JJ.
err-period_backwards = La date de fin est antérieure à la date de début.
err-period_too_long = Choisissez une période de 20 ans au maximum.
err-grouping_unknown = Choisissez un regroupement dans la liste.
err-grouping_needs_by = Choisissez un premier regroupement avant d'en choisir un second.
err-grouping_repeated = Choisissez deux regroupements différents.
err-measure_unknown = Choisissez un indicateur dans la liste.
err-format_unknown = Choisissez une modalité dans la liste.

## The agency's dashboard
nav-admin-dashboard = Tableau de bord
dashboard-agency-title = Tableau de bord de l'institution
dashboard-agency-intro = Depuis le début de l'année (du { $from } au { $to }), par rapport à la même période de l'année dernière (du { $last_from } au { $last_to }).
dashboard-agency-headline = Qui l'institution a touché
dashboard-this-year = Cette année
dashboard-last-year = L'année dernière
dashboard-learners = Apprenants touchés
dashboard-countries = Pays et zones
dashboard-ldc_share = Part dans les pays les moins avancés
dashboard-women_share = Part des femmes
dashboard-completions = Cours terminés
dashboard-certificates = Certificats délivrés
dashboard-by-theme = Par thème
dashboard-by-sdg = Par objectif de développement durable
dashboard-col-theme = Thème
dashboard-col-sdg = Objectif
dashboard-chart-title = Inscriptions – { $by } : cette année (barres épaisses) et l'année dernière (barres fines)
dashboard-chart-desc = Une paire de barres par groupe ; le tableau ci-dessous donne les chiffres. Les effectifs trop petits pour être affichés ne sont pas représentés.
dashboard-facets-note = Un cours peut relever de plusieurs thèmes et objectifs ; la somme de ces lignes ne correspond donc pas aux totaux ci-dessus.
dashboard-note-shares = Les parts sont calculées sur les apprenants ayant indiqué leur pays ou leur genre ; x signale une part non affichée, car elle permettrait de retrouver un petit effectif.
dashboard-more = Pour en savoir plus, consultez le rapport sur l'apprentissage

## Use of the content
report-usage = Utilisation des contenus
report-usage-by-month = Consultations et téléchargements par mois
report-usage-by-language = Consultations par version linguistique des cours
report-usage-language = Version linguistique
report-usage-course-views = Consultations des pages de cours
report-usage-lesson-views = Consultations des leçons
report-usage-downloads = Téléchargements de fichiers
report-usage-none = Aucune consultation ni aucun téléchargement n’a été compté pendant cette période.

## Scheduled reports
subscriptions-title = Rapports programmés
subscriptions-intro = Recevez ce rapport par courriel, dans votre langue, après chaque semaine (du lundi au dimanche) ou chaque mois.
subscriptions-frequency = Fréquence
subscriptions-weekly = Chaque semaine
subscriptions-monthly = Chaque mois
subscriptions-subscribe = M’envoyer ce rapport par courriel
subscriptions-none = Vous n’avez aucun rapport programmé.
subscriptions-stop = Arrêter
subscription-saved = Le rapport vous sera envoyé par courriel après chaque période.
subscription-ended = Ce rapport ne vous sera plus envoyé par courriel.
err-frequency_unknown = Choisissez chaque semaine ou chaque mois.
email-report-subject = { $title }
email-report-body = { $title }, { $period } :
email-report-page = Consultez-le avec son graphique :
email-report-manage = Arrêter ou modifier vos rapports programmés :

## Providers
org-field-provider = Propose des cours
org-field-provider-hint = Un prestataire (un centre de formation, une université) dispense des cours sur ce portail : ses cours portent son nom dans le catalogue, sur la page du cours et sur les certificats, et ses coordinateurs en animent les cohortes.
err-organisation_provides_courses = Des cours désignent cette organisation comme prestataire : attribuez-leur d’abord un autre prestataire.
err-organisation_not_provider = Choisissez un prestataire dans la liste.
studio-field-provider = Prestataire
studio-field-provider-hint = L’organisation qui dispense le cours. Elle apparaît aussitôt dans le catalogue, sur la page du cours et sur les nouveaux certificats, sans nouvelle publication ; ses coordinateurs animent les cohortes du cours.
studio-no-provider = Aucun (cette plateforme)
catalog-provider = Prestataire
course-provided-by = Proposé par
cert-provided-by = Proposé par
pdf-provided-by = Proposé par { $provider }
report-provider = Prestataire
report-no-provider = Sans prestataire
report-by-provider = Prestataire
members-provided = Cours qu’elle propose
members-provided-intro = Ouvrez un cours pour en animer les cohortes.
members-provided-report = Lire le rapport sur ces cours

# Surveys
err-too_many_survey_questions = Un questionnaire a au plus 100 questions.
survey-title-evaluation = Évaluation du cours
eval-intro = Dites-nous ce que vous avez pensé du cours. Vos réponses sont enregistrées page par page ; vous pouvez partir et revenir jusqu'à l'envoi.
eval-page-of = Page { $page } sur { $pages }
eval-required = obligatoire
eval-optional = facultative
eval-submit = Envoyer l'évaluation
eval-next = Page suivante
eval-back = Page précédente
eval-save = Enregistrer et terminer plus tard
eval-thanks = Merci : votre évaluation de ce cours a été envoyée.
eval-offer = Comment s'est passé le cours ? Votre évaluation aide à l'améliorer.
eval-open = Évaluer le cours
eval-notice-submitted = Merci : votre évaluation a été envoyée.
eval-notice-saved = Vos réponses sont enregistrées. Revenez terminer quand vous voulez.
eval-kind-likert = Échelle d'accord
eval-kind-single = Choix unique
eval-kind-multiple = Choix multiple
eval-kind-rating = Note de 0 à 10
eval-kind-number = Nombre
eval-kind-short_text = Texte court
eval-kind-long_text = Texte long
studio-evaluation-open = Évaluation
eval-studio-title = L'évaluation du cours
survey-studio-intro-evaluation = L'évaluation est proposée aux apprenants dès qu'ils terminent le cours. Elle commence par les questions standard de la banque, comparables d'un cours à l'autre ; ajoutez celles du cours.
eval-studio-state = Formulaire publié et réponses
eval-studio-version = La version { $version } est publiée
eval-studio-responses = { $started } commencées, { $submitted } envoyées
eval-studio-changed = Le brouillon ci-dessous contient des modifications que les apprenants ne voient pas encore. Les réponses commencées restent sur leur version.
eval-studio-publish = Publier les modifications
eval-studio-required = Ne délivrer le certificat qu'une fois l'évaluation envoyée
eval-studio-required-hint = Les certificats attendent, avec la raison affichée à l'apprenant ; désactiver l'option délivre ceux qui attendaient.
eval-studio-draft = Brouillon
eval-studio-from-bank = question standard
eval-studio-up = Monter
eval-studio-down = Descendre
eval-studio-make-optional = Rendre facultative
eval-studio-make-required = Rendre obligatoire
eval-studio-remove = Retirer
eval-studio-remove-section = Retirer cette page vide
eval-studio-add = Ajouter une question propre au cours
eval-studio-section = Page
eval-studio-kind = Type de réponse
eval-studio-text = Question
eval-studio-options = Options
eval-studio-options-hint = Une par ligne : les choix ; les libellés d'une échelle du plus bas au plus haut ; les deux libellés d'extrémité d'une note (facultatifs).
eval-studio-min = Plus petit nombre accepté (nombres seulement)
eval-studio-max = Plus grand nombre accepté (nombres seulement)
eval-studio-add-button = Ajouter au brouillon
eval-studio-bank = Ajouter une question de la banque
eval-studio-bank-question = Question de la banque
eval-studio-add-section = Ajouter une page
eval-studio-section-title = Titre de la page
certs-held-evaluation_pending = Votre certificat est délivré dès que vous envoyez l'évaluation du cours.
held-reason-evaluation_pending = en attente de l'évaluation du cours par l'apprenant
err-question_unknown = Ce n'est pas une question de ce questionnaire.
err-question_not_on_page = Cette question est sur une autre page.
err-answer_invalid = Choisissez l'une des réponses proposées.
err-answer_out_of_range = Indiquez un nombre dans l'intervalle demandé.
err-answer_too_long = Cette réponse est trop longue.
err-answer_required = Veuillez répondre à cette question.
err-page_unknown = Cette page n'est pas dans le formulaire.
err-sections_missing = Un formulaire a besoin d'au moins une page.
err-too_many_sections = Un formulaire a au plus 20 pages.
err-question_id_repeated = Deux questions ont le même identifiant.
err-question_id_invalid = Une question propre au questionnaire a un identifiant q1, q2…
err-bank_question_unknown = Cette question n'est pas dans la banque.
err-options_invalid = Indiquez de 2 à 12 choix, de 2 à 11 libellés d'échelle, ou les deux libellés d'une note ; les autres types n'en ont pas.
err-bounds_invalid = Indiquez des nombres, le plus petit ne dépassant pas le plus grand (nombres seulement).
results-title-evaluation = Évaluations des cours
results-title-evaluation-of = Évaluation de { $course }
results-question = Question
results-answer = Réponse
results-respondents = Répondants
results-answered = Ont répondu
results-answered-count = Réponses : { $count }
results-mean = Moyenne
results-nps = Net promoter score
results-rates-evaluation = Proposée à { $invited } personnes ayant terminé ; { $started } commencées, { $submitted } envoyées.
results-note-small = <{ $threshold } : un groupe de moins de { $threshold } répondants ; aucun de ses chiffres n'est affiché.
results-figures = Les chiffres
results-texts = Réponses libres
results-texts-anonymous = Les réponses sont affichées sans nom : ce questionnaire est anonyme.
results-texts-named = Ce questionnaire n'est pas anonyme : les réponses sont affichées avec le nom de la personne.
results-no-texts = Aucune réponse pour l'instant.
err-grouping_not_offered = Les résultats se regroupent d'une seule façon à la fois.
eval-studio-results = Lire les résultats
eval-studio-anonymous = Anonyme : les réponses libres sont lues sans le nom de la personne
eval-anonymous = Vos réponses sont lues sans votre nom.
eval-named = Les responsables du cours lisent vos réponses avec votre nom.
survey-title-follow_up = Suivi du cours
follow-up-intro = Quelques mois après le cours : avez-vous pu mettre en pratique ce que vous avez appris ? Vos réponses sont enregistrées page par page.
survey-thanks-evaluation = Merci : votre évaluation de ce cours a été envoyée.
survey-thanks-follow_up = Merci : vos réponses ont été envoyées. Ce lien a servi.
survey-link-invalid-title = Ce lien ne fonctionne pas
survey-link-invalid = Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis le courriel reçu ; rien n'a été enregistré.
survey-link-expired-title = Ce lien a expiré
survey-link-expired = Le délai pour répondre à ces questions est passé ; rien n'a été enregistré. Merci tout de même.
survey-studio-title-evaluation = L'évaluation du cours
survey-studio-title-follow_up = Le suivi du cours
survey-studio-intro-follow_up = Quelques mois après avoir terminé le cours, chaque apprenant reçoit par courriel, dans sa langue, un lien vers ces questions qui s'ouvre sans connexion, avec un rappel deux semaines plus tard. Il commence par les questions standard de la banque.
follow-up-months = Mois après la fin du cours
follow-up-months-hint = De 1 à 24 ; 0 n'envoie aucun suivi.
err-months_invalid = Indiquez un nombre entier de mois, de 0 à 24.
err-not_an_evaluation = Seule l'évaluation d'un cours peut retenir son certificat.
err-purpose_unknown = Choisissez l'évaluation ou le suivi.
results-title-follow_up = Suivis des cours
results-title-follow_up-of = Suivi de { $course }
results-rates-follow_up = Envoyé à { $invited } personnes ; { $started } commencés, { $submitted } envoyés.
studio-follow-up-open = Suivi
email-survey_invitation-subject = Quelques questions sur votre cours, quelques mois après
email-survey_invitation-body = Il y a quelques mois, vous avez terminé « { $course } ». Dites-nous en quelques minutes si vous avez pu mettre en pratique ce que vous avez appris : vos réponses aident à améliorer le cours et montrent ce que la formation change. Le lien ci-dessous ouvre les questions sans connexion ; il fonctionne jusqu'au { $expires }.
email-survey_reminder-subject = Rappel : quelques questions sur votre cours
email-survey_reminder-body = Nous aimerions toujours savoir comment vous avez utilisé ce que vous avez appris dans « { $course } ». Le lien ci-dessous fonctionne jusqu'au { $expires }.
email-survey-action = Répondre aux questions

# Needs assessments
nav-needs = Enquêtes sur les besoins
needs-title = Évaluations des besoins
needs-list-intro = Demandez aux membres d'une organisation, ou au public, ce dont ils ont besoin d'apprendre avant de planifier les formations. Chaque enquête commence par les questions standard sur les besoins ; ajoutez les vôtres, publiez-la pour l'ouvrir et lisez les résultats par groupe.
needs-survey-title = Titre
needs-audience = Qui répond
needs-audience-members = Les membres de l'organisation, connectés (toute personne connectée, pour celles de la plateforme)
needs-audience-public = Toute personne disposant du lien, sans se connecter
needs-responses = Réponses
needs-instance = Toute la plateforme
needs-whose = Pour
needs-new = Une nouvelle évaluation des besoins
needs-create = Créer
needs-state-draft-short = Brouillon
needs-state-open-short = Ouverte
needs-state-closed-short = Fermée
needs-state-draft = Brouillon : publiez-la pour l'ouvrir aux réponses.
needs-state-open = Ouverte aux réponses.
needs-state-closed = Fermée : elle ne reçoit plus de réponses ; ses résultats restent consultables.
needs-share = Partagez ce lien :
needs-close = Fermer aux réponses
needs-reopen = Rouvrir
needs-details = Titre et public
needs-for-you = Enquêtes pour vous
needs-for-you-intro = Vos réponses aident à planifier les formations dont votre organisation a besoin.
needs-intro = Dites-nous ce dont vous avez besoin d'apprendre, pour que les formations soient planifiées en conséquence. Vos réponses sont enregistrées page par page ; vous pouvez partir et revenir jusqu'à l'envoi.
needs-closed-notice = Cette enquête est fermée et ne reçoit plus de réponses. Merci de votre intérêt.
survey-title-needs = Évaluation des besoins
survey-thanks-needs = Merci : vos réponses ont été envoyées.
survey-studio-title-needs = L'évaluation des besoins
survey-studio-intro-needs = Elle commence par les questions standard de la banque sur les besoins, comparables d'une organisation à l'autre ; ajoutez les vôtres. La publication l'ouvre aux réponses ; une modification publiée ensuite ne vaut que pour les nouvelles réponses.
results-title-needs = Évaluations des besoins
results-title-needs-of = Évaluation des besoins : { $title }
results-rates-needs = Adressée à { $invited } membres ; { $started } commencées, { $submitted } envoyées.
results-rates-needs-public = Répondue par son lien public : { $started } commencées, { $submitted } envoyées.
err-survey_alone = Les résultats d'une enquête se lisent seuls : retirez le cours, la cohorte et le prestataire.
err-survey_required = Choisissez l'évaluation des besoins à consulter.
err-audience_unknown = Choisissez les membres ou le public.
err-language_unknown = Choisissez l'une des six langues.
nav-admin-bank = Banque de questions
bank-title = La banque de questions des enquêtes
bank-intro = Chaque enquête peut reprendre ces questions sous la même clé, ce qui rend leurs réponses comparables d'un cours et d'une organisation à l'autre. Les questions standard ouvrent chaque enquête de leur type. Une question retirée n'est plus proposée ; les enquêtes qui l'ont la gardent.
bank-question = Question
bank-key = Clé
bank-key-hint = Lettres minuscules, chiffres et _, en commençant par une lettre (laissée vide, une clé est créée).
bank-standard = Standard dans
bank-retired = Retirée
bank-retire = Retirer
bank-restore = Rétablir
bank-add = Ajouter une question à la banque
err-bank_key_invalid = Utilisez des lettres minuscules, des chiffres et _, en commençant par une lettre (pas q suivi d'un nombre).
err-bank_key_taken = La banque contient déjà une question sous cette clé.
email-needs_invitation-subject = Quelques questions : de quelles formations avez-vous besoin ?
email-needs_invitation-body = Votre organisation vous demande ce dont vous avez besoin d'apprendre, afin de planifier les formations en conséquence : « { $title } ». Cela prend quelques minutes ; connectez-vous avec votre compte pour répondre.
needs-invite = L'envoyer aux membres qui n'ont pas répondu
needs-invite-hint = Chaque membre reçoit un seul courriel, dans sa langue ; une nouvelle demande n'atteint que ceux qui n'en ont pas encore reçu.
needs-notice-invited = Les invitations sont en route.
eval-studio-change = Modifier
eval-studio-change-question = Modifier la question
eval-studio-cancel = Annuler
