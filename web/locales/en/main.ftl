# Kuza interface strings: English (the reference and the fallback).
# Every other language defines every message here.

## The shell
site-name = Kuza
site-tagline = Learning for sustainable cities and communities
skip-to-content = Skip to main content
nav-main = Main menu
nav-home = Home
nav-profile = My profile
nav-admin-users = Users
nav-admin-organisations = Organisations
nav-sign-in = Sign in
nav-sign-up = Create an account
nav-sign-out = Sign out
nav-signed-in-as = Signed in as { $name }
language-label = Language
language-switch = Change language
footer-text = Kuza, an open learning platform for capacity building.
footer-api = API documentation
optional = optional
required = required
save = Save
cancel = Cancel
back-home = Back to the home page

## Home
home-title = Learn, anywhere, in your language
home-intro = Courses for public officials, city staff, universities and partner institutions: self-paced, facilitated and blended, in the six UN languages.
home-welcome = Welcome, { $name }.
home-get-started = Create a free account to enrol in courses and earn certificates.

## Fields
field-email = Email address
field-password = Password
field-password-hint = At least { $min } characters. Avoid common passwords; a few unrelated words work well.
field-display-name = Full name
field-display-name-hint = As it should appear on your certificates.
field-language = Preferred language
field-country = Country
field-country-choose = Choose a country
field-organisation = Organisation
field-organisation-none = None or not listed
field-gender = Gender
field-birth-year = Year of birth
field-demographics-legend = About you (optional)
field-demographics-purpose = We ask this only to report, without names, how our courses reach women and men of different ages. You may skip it or choose "Prefer not to say".
gender-female = Female
gender-male = Male
gender-other = Another gender
gender-prefer_not_to_say = Prefer not to say
gender-unspecified = Not given

## Sign up and verification
sign-up-title = Create an account
sign-up-button = Create my account
sign-up-have-account = Already have an account?
sign-up-check-email-title = Check your email
sign-up-check-email = We sent a link to { $email }. Open it to confirm your address.
verify-ok-title = Address confirmed
verify-ok-body = Thank you. Your email address is confirmed.
verify-failed-title = This link does not work
verify-failed-body = The link has expired or was already used. Sign in and ask for a new one from your profile.
verify-pending = Your email address is not confirmed yet.
verify-resend = Send the link again
verify-resent = We sent a new confirmation link to { $email }.

## Sign in
sign-in-title = Sign in
sign-in-button = Sign in
sign-in-forgot = Forgot your password?
sign-in-no-account = New here?
sign-in-failed = The email address or password is not correct.
sign-in-throttled = Too many attempts. Please wait { $minutes } minutes and try again.
sign-in-disabled = This account is disabled. Please contact the administrators.
signed-out = You are signed out.

## Password reset
forgot-title = Reset your password
forgot-intro = Enter the email address of your account and we will send you a link to choose a new password.
forgot-button = Send the link
forgot-sent = If an account uses { $email }, a link to reset the password is on its way. It works once, within one hour.
reset-title = Choose a new password
reset-button = Save the new password
reset-done = Your password is changed. Please sign in with the new one.
reset-invalid-title = This link does not work
reset-invalid-body = This link was already used or has expired. Ask for a new one.
reset-ask-again = Ask for a new link
invite-title = Welcome: choose your password
invite-intro = Choose a password to finish setting up your account. You will sign in with your email address and this password.
invite-button = Save my password
invite-done = Your account is ready. Please sign in with your email address and new password.

## Profile
profile-title = My profile
profile-saved = Your profile is saved.
profile-email = Email address: { $email }
password-change-title = Change password
password-current = Current password
password-new = New password
password-change-button = Change password
password-changed = Your password is changed. You have been signed out on your other devices.

## Administration
admin-users-title = Users
admin-users-search = Search by name or email
admin-search-button = Search
admin-users-count = { $count ->
    [one] One user
   *[other] { $count } users
}
admin-col-name = Name
admin-col-email = Email
admin-col-country = Country
admin-col-roles = Roles
admin-col-status = Status
admin-col-organisation = Organisation
admin-col-type = Type
admin-col-members = Members
admin-status-active = Active
admin-status-disabled = Disabled
admin-status-unverified = Not confirmed
admin-edit = Edit
admin-user-title = User: { $name }
admin-user-roles = Roles
admin-user-roles-hint = Everyone is a learner. Partner viewers see reports for one organisation only.
admin-user-partner-org = Organisation for the partner role
admin-user-active = Account enabled
admin-user-saved = The user is saved.
admin-orgs-title = Organisations
admin-orgs-count = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}
admin-org-new = New organisation
admin-org-edit-title = Organisation: { $name }
admin-org-create = Create the organisation
admin-org-saved = The organisation is saved.
admin-none = None yet.
role-learner = Learner
role-author = Course author
role-facilitator = Facilitator
role-admin = Administrator
role-partner = Partner coordinator
org-field-name = Name
org-field-kind = Type
org-kind-academia = Academia
org-kind-civil_society = Civil society
org-kind-private_sector = Private sector
pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

## Form errors
form-has-errors = { $count ->
    [one] Please correct the error below.
   *[other] Please correct the { $count } errors below.
}
err-email_invalid = Enter an email address such as name@example.org.
err-email_taken = An account with this email address already exists. Sign in, or reset your password.
err-password_too_short = The password needs at least { $min } characters.
err-password_too_long = The password can have at most { $max } characters.
err-password_too_common = This password is too common or too easy to guess. Try a few unrelated words.
err-password_wrong = The current password is not correct.
err-display_name_invalid = Enter your name (at most 100 characters).
err-language_invalid = Choose one of the languages offered.
err-country_invalid = Choose a country from the list.
err-gender_invalid = Choose one of the options offered.
err-birth_year_invalid = Enter a year of birth such as 1985, or leave it empty.
err-organisation_unknown = Choose an organisation from the list.
err-organisation_name_invalid = Enter a name (at most 200 characters).
err-organisation_name_taken = An organisation with this name already exists.
err-organisation_kind_invalid = Choose a type from the list.
err-partner_needs_organisation = Choose the organisation this partner viewer may see.

## Error pages
error-400-title = Something in the request is not right
error-400-body = Please go back and try again.
error-403-title = You do not have access to this page
error-403-body = If you think you should, ask an administrator for the right role.
error-404-title = Page not found
error-404-body = The page may have moved, or the address may be mistyped.
error-409-title = This cannot be done right now
error-409-body = The page may be out of date, or what you asked for no longer fits. Go back, reload the page and try again.
error-413-title = Too large
error-413-body = What you sent is larger than this site accepts.
error-429-title = Too many requests
error-429-body = Please wait a moment and try again.
error-500-title = Something went wrong on our side
error-500-body = The problem has been recorded. If it continues, quote this reference to the administrators: { $id }
error-csrf-title = This form has expired
error-csrf-body = For your security, forms expire. Please go back, reload the page and send it again.

## Emails
email-greeting = Hello { $name },
email-signature = The { $site } team
email-verify-subject = Confirm your email address
email-verify-body = Welcome to { $site }. Please confirm your email address to finish creating your account.
email-verify-action = Confirm my address
email-verify-ignore = If you did not create an account, you can ignore this message.
email-reset-subject = Reset your password
email-reset-body = Someone asked to reset the password of your { $site } account.
email-reset-action = Choose a new password
email-reset-expiry = The link works once, within one hour.
email-reset-ignore = If it was not you, ignore this message: your password stays as it is.
email-registered-subject = You already have an account
email-registered-body = Someone tried to create a { $site } account with this email address, which already has an account.
email-registered-sign-in = Sign in
email-registered-reset = Forgot your password? Choose a new one
email-registered-ignore = If it was not you, ignore this message: nothing has changed.
email-link-fallback = If the button does not work, copy this address into your browser:

## Courses
course-format = Format
course-format-self_paced = Self-paced
course-format-facilitated = Facilitated online
course-format-face_to_face = Face-to-face
course-format-blended = Blended
course-level = Level
course-level-introductory = Introductory
course-level-intermediate = Intermediate
course-level-advanced = Advanced
course-duration = Estimated time
course-hours = { $hours ->
    [one] One hour
   *[other] { $hours } hours
}
course-languages = Offered in
course-themes = Themes
course-syllabus = Syllabus
course-module-lessons = { $count ->
    [one] One lesson
   *[other] { $count } lessons
}
course-version = Version { $number }, published on { $date }
course-lesson-optional = Optional
course-in-other-language = Not yet available in your language; shown in { $language }.

## Catalog
nav-courses = Courses
catalog-title = Courses
catalog-search-label = Search the courses
catalog-search-button = Search
catalog-filters = Filters
catalog-any = Any
catalog-language = Course language
catalog-sdg = Sustainable Development Goal
catalog-sdg-goal = SDG { $goal }
catalog-sort = Sort by
catalog-sort-default = Best match, else newest
catalog-sort-relevance = Best match
catalog-sort-newest = Newest first
catalog-sort-title = Title
catalog-sort-duration = Shortest first
catalog-apply = Apply filters
catalog-clear = Clear the search and filters
catalog-ignored = Some filters were not understood and were left out.
catalog-count = { $count ->
    [0] No courses found
    [one] One course found
   *[other] { $count } courses found
}
catalog-empty = No published course matches. Try other words or fewer filters.

## Studio
nav-studio = Studio
studio-title = My courses
studio-new-course = New course
studio-none = You have no courses yet.
studio-col-title = Course
studio-col-status = Status
studio-col-version = Published version
studio-status-draft = Draft
studio-status-published = Published
studio-status-archived = Archived
studio-settings = Course settings
studio-field-slug = Web address
studio-field-slug-hint = Lower-case letters, digits and hyphens, such as urban-planning-basics. It cannot change once the course is published.
studio-field-format = Format
studio-field-level = Level
studio-field-hours = Estimated hours
studio-field-default-language = Default language
studio-field-default-language-hint = Text missing in another language is shown in this one.
studio-field-languages = Offered in
studio-field-themes = Themes
studio-field-themes-hint = Separated by commas. Sustainable Development Goals as sdg:11 or targets as sdg:11.3.
studio-field-title = Title
studio-field-summary = Summary
studio-field-body = Text (Markdown)
studio-field-required = Required to complete the course
studio-field-position = Position
studio-create = Create the course
studio-saved = Saved.
studio-published = Published as version { $version }.
studio-modules = Modules and lessons
studio-add-module = Add a module
studio-add-lesson = Add a lesson
studio-edit = Edit
studio-delete = Delete
studio-back = Back to the course
studio-publish = Publish a new version
studio-publish-hint = Learners keep the published version until you publish again.
studio-cannot-publish = The course cannot be published yet:
studio-missing = Missing translations
studio-missing-item = { $field } in { $language }
studio-versions = Versions
studio-version-item = Version { $number }, { $date }
studio-preview = Preview as a learner
studio-view-published = Open the published page
studio-archive = Archive the course
studio-module-title = Module: { $title }
studio-lesson-title = Lesson: { $title }
studio-new-lesson = New lesson
studio-no-lessons = No lessons yet.
studio-preview-banner = Preview of the draft: learners do not see it until it is published.
err-slug_invalid = Use 3 to 80 lower-case letters, digits and single hyphens.
err-slug_taken = Another course already uses this web address.
err-slug_fixed_after_publication = The web address cannot change after publication.
err-format_invalid = Choose a format from the list.
err-level_invalid = Choose a level from the list.
err-hours_invalid = Enter a number of hours between 0 and 1000.
err-theme_invalid = A theme is not valid: use short words, or sdg:1 to sdg:17 with an optional target.
err-default_language_missing = This is needed in the course's default language.
err-language_not_offered = The course is not offered in this language.
err-text_too_long = This text is too long.
err-control_character = This text contains a control character (such as a line break in a title); remove it.
err-course_has_no_modules = Add at least one module.
err-module_has_no_lessons = Every module needs at least one lesson.
err-lesson_kind_invalid = Choose a lesson type from the list.

## Lessons and quizzes
lesson-kind-text = Text
lesson-kind-video = Video
lesson-kind-file = Download
lesson-kind-quiz = Quiz
lesson-kind-live = Live session
question-kind-single = Single choice
question-kind-multiple = Multiple choice
question-kind-true_false = True or false
question-kind-numeric = Number
question-kind-short_text = Short text
quiz-true = True
quiz-false = False
lesson-position = Lesson { $position } of { $count }
lesson-video-download = Download the video ({ $size } KB)
lesson-video-external = Watch the video (on another website)
lesson-transcript = Transcript
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
    [one] One question
   *[other] { $count } questions
}, { $points ->
    [one] one point
   *[other] { $points } points
}
quiz-facts-pass-mark = Pass mark: { $percent } %
quiz-facts-attempts = { $count ->
    [one] One attempt allowed
   *[other] { $count } attempts allowed
}
quiz-facts-attempts-unlimited = No limit on attempts
quiz-facts-time-limit = Time limit: { $minutes } minutes
lesson-live-note = Each cohort of this course sets the dates of this live session.
lesson-nav = Lessons
lesson-previous = Previous
lesson-next = Next
studio-no-file = None
studio-field-cover = Cover image
studio-field-kind = Lesson type
studio-field-kind-hint = Changing the type keeps the title and text; the video, download or quiz of the old type is removed.
studio-in-language = In { $language }
studio-field-intro = Introduction (Markdown)
studio-field-captions = Captions (WebVTT)
studio-field-transcript = Transcript (Markdown)
studio-media-hint = Files are uploaded on the course's files page.
studio-media-link = Course files
studio-field-video-file = Video file (WebM or MP4)
studio-field-video-url = Or a link to the video (https)
studio-field-download = File to download
studio-quiz-settings = Quiz settings
studio-field-pass-mark = Pass mark (percent of the points)
studio-field-attempts = Attempts allowed
studio-empty-no-limit = Leave empty for no limit.
studio-field-time-limit = Time limit (minutes)
studio-field-shuffle = Shuffle the options for each attempt
studio-questions = Questions
studio-quiz-points = { $points ->
    [one] One point in all.
   *[other] { $points } points in all.
}
studio-question-untitled = (no question text yet)
studio-points = { $points ->
    [one] one point
   *[other] { $points } points
}
studio-no-questions = No questions yet.
studio-question-kind = Question type
studio-add-question = Add a question
studio-question-title = Question
studio-field-points = Points
studio-field-prompt = Question
studio-field-feedback = Feedback shown after the attempt
studio-options = Options
studio-options-single-hint = Mark exactly one option as correct. Empty options are left out.
studio-options-multiple-hint = Mark every correct option. Empty options are left out.
studio-option-n = Option { $n }
studio-option-correct = Correct
studio-option-text = Text
studio-option-feedback = Feedback if chosen
studio-correct-answer = Correct answer
studio-field-tolerance = Tolerance
studio-field-tolerance-hint = Answers this close to the correct answer count as right, for example 0.5.
studio-field-accepted = Accepted answers
studio-field-accepted-hint = One per line. Capitals and extra spaces are ignored.
studio-field-manual = Send other answers to a facilitator for grading
err-media_invalid = Choose a file of the right type from this course's files.
err-media_missing = A file this lesson uses is missing or of the wrong type; choose it again.
err-video_missing = Choose a video file or give a link to the video.
err-file_missing = Choose the file to download.
err-quiz_has_no_questions = Add at least one question to the quiz.
err-quiz_pass_mark_unreachable = The questions have no points, so no one can reach the pass mark.
err-single_choice_needs_one_correct = Mark exactly one option as correct.
err-multiple_choice_needs_a_correct = Mark at least one option as correct.
err-question_needs_two_options = Give at least two options.
err-short_text_needs_an_answer = Give at least one accepted answer, or send answers to a facilitator.
err-pass_mark_invalid = Enter a pass mark between 1 and 100.
err-attempts_invalid = Enter a number of attempts between 1 and 100, or leave it empty.
err-time_limit_invalid = Enter a number of minutes between 1 and 1440, or leave it empty.
err-too_many_questions = A quiz can have at most 200 questions.
err-points_invalid = Enter whole points between 0 and 1000.
err-too_many_options = A question can have at most 10 options.
err-number_invalid = Enter a number such as 12.5.
err-too_many_answers = Give at most 50 accepted answers.
err-url_invalid = Enter a full address starting with https://.

## Media
media-open = Files
media-title = Files
media-intro = Images, videos, captions and documents for this course. Learners can open them once the course is published; until then only its authors can.
media-file = File to upload
media-allowed = Accepted: PNG, JPEG, WebP and GIF images; WebM and MP4 videos; MP3 and Ogg audio; PDF; ZIP; Word, Excel and PowerPoint documents; OpenDocument files; WebVTT captions; CSV and plain text.
media-limit = Up to { $mb } MB per file.
media-upload = Upload
media-files = Files of this course
media-none = No files yet.
media-col-name = Name
media-col-type = Type
media-col-size = Size
media-col-actions = Actions
media-delete = Delete
media-delete-named = Delete { $name }
media-uploaded = The file was uploaded.
media-deleted = The file was deleted.
media-in-use = The file is used by a lesson, the cover or a published version, so it was kept.
media-err-not-allowed = This kind of file is not accepted. The type is read from the file's content, not from its name.
media-err-empty = The file is empty.
media-err-no-file = Choose a file to upload.
media-err-bad-name = The file needs a name made of letters or digits.
media-size-bytes = { $n } bytes
media-size-kb = { $n } KB
media-size-mb = { $n } MB

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = You are enrolled in a course
email-enrolled-body = You are now enrolled in “{ $course }”. Start whenever you like: your progress is saved as you go.
email-enrolled-action = Open the course
nav-dashboard = My learning
learn-enrolment = Enrolment
learn-enrol = Enrol
learn-enrol-key = Enrolment key
learn-enrol-key-hint = The course team or your organisation gives you this key.
learn-sign-in-to-enrol = Sign in to enrol
learn-enrol-to-track = Enrol in the course to record your progress and take its quizzes.
learn-go-to-course = Go to the course page
learn-enrolled-on = Enrolled on { $date }
learn-progress = Your progress
learn-progress-value = { $percent }% complete: { $done } of { $total } lessons
learn-progress-percent = { $percent }% complete
learn-module-progress = { $percent }% done
learn-continue = Continue
learn-start = Start
learn-withdraw = Leave this course
learn-withdraw-hint = Your progress is kept if you come back.
learn-completed = Completed
learn-completed-on = You completed this course on { $date }.
learn-lesson-done = Completed
learn-mark-complete = Mark as complete
learn-notice-enrolled = You are enrolled. Your progress is saved as you go.
learn-notice-withdrawn = You left the course. Your progress is kept if you come back.
learn-notice-completed = Congratulations: you have completed the course.
enrol-error-enrolment_key_required = This course needs an enrolment key.
enrol-error-enrolment_key_wrong = That enrolment key is not right. Check it and try again.
enrol-error-course_full = This course is full.
enrol-error-enrolment_closed = This course is not taking enrolments at the moment.
enrol-error-enrolment_needs_cohort = This course runs in cohorts: you can enrol when a cohort opens.
quiz-attempts-title = Your attempts
quiz-attempt = Attempt
quiz-score = Score
quiz-status = Status
quiz-attempt-number = Attempt { $number }
quiz-attempt-score = { $points } of { $max } points ({ $percent }%)
quiz-attempt-open = In progress
quiz-attempt-expired = Not submitted in time
quiz-attempt-pending = Waiting for a facilitator to grade it
quiz-attempt-passed = Passed
quiz-attempt-failed = Not passed
quiz-counted = Counts
quiz-policy-best = Your best attempt counts.
quiz-policy-last = Your last attempt counts.
quiz-start = Start an attempt
quiz-resume = Continue your attempt
quiz-attempts-left = { $count ->
    [one] One attempt left
   *[other] { $count } attempts left
}
quiz-no-attempts-left = You have used all your attempts at this quiz.
quiz-passed = You passed this quiz.
quiz-time-left = Submit within { $minutes } minutes (by { $time } UTC).
quiz-points = { $count ->
    [one] 1 point
   *[other] { $count } points
}
quiz-choose-all = Choose every answer that applies.
quiz-numeric-hint = A number; use a point or a comma for decimals.
quiz-your-answer = Your answer
quiz-submit = Submit my answers
quiz-result = Your result
quiz-outcome-correct = Correct
quiz-outcome-incorrect = Incorrect
quiz-outcome-unanswered = Not answered
quiz-outcome-pending = A facilitator will grade this answer
quiz-error-time_over = The time for this attempt is over. Answers sent after the time limit are not recorded.
quiz-error-bad_answers = Some answers do not belong to this quiz. Reload the page and try again.
quiz-back-to-lesson = Back to the lesson
dashboard-title = My learning
dashboard-in-progress = In progress
dashboard-completed = Completed
dashboard-empty = You are not enrolled in any course yet.
dashboard-browse = Browse the courses
dashboard-archived = This course is no longer offered.

## Cohorts and waitlists
email-waitlisted-subject = You are on a course's waitlist
email-waitlisted-body = “{ $cohort }” of “{ $course }” is full, so you are on its waitlist. If a place frees up, we will email you and keep it for you for a while.
email-offered-subject = A place is free for you: please confirm
email-offered-body = A place is free for you in “{ $cohort }” of “{ $course }”. Confirm it by { $deadline } (UTC), or it goes to the next person on the waitlist.
email-offered-action = Confirm my place
enrol-error-cohort_closed = Enrolment in this cohort is not open.
enrol-error-enrollment_removed = A coordinator removed you from this course. Contact them if you think this is a mistake.
enrol-error-no_offer = No place is waiting for you: the offer lapsed or was taken up.
cohort-none = No cohort is open for enrolment at the moment.
cohort-dates = { $start } to { $end }
cohort-full = Full: join the waitlist
cohort-places-left = { $count ->
    [one] One place left
   *[other] { $count } places left
}
cohort-join-waitlist = Join the waitlist
cohort-waitlisted = You are on the waitlist of “{ $cohort }”. If a place frees up, we will email you.
cohort-offered = A place is yours in “{ $cohort }” until { $deadline } (UTC). Confirm it, or it goes to the next person.
cohort-confirm = Confirm my place
cohort-decline = Decline the place
cohort-leave-waitlist = Leave the waitlist
dashboard-waitlisted = On the waitlist
dashboard-offered = A place is waiting for your confirmation

## Live sessions and attendance
email-session_reminder-subject = Reminder: a live session is coming up
email-session_reminder-body = “{ $session }” of “{ $course }” starts on { $when }.
session-venue = Venue
session-link = Link to join
# In emails, before the venue or the link (with the space that follows, if any).
session-venue-label = Venue:{" "}
session-link-label = Link to join:{" "}
sessions-title = Live sessions
sessions-add-to-calendar = Add to my calendar
sessions-facilitated = Sessions you facilitate
sessions-take-attendance = Take attendance
calendar-feed = Your calendar feed
calendar-feed-hint = Subscribe to this address in your calendar app to see your live sessions there. Keep it private.
attendance-title = Attendance
attendance-present = Present
attendance-absent = Absent
attendance-excused = Excused
attendance-save = Save attendance
attendance-saved = Attendance saved.
attendance-nobody = No learner studies in this cohort yet.

## Studio: cohorts and enrolment
studio-cohorts-open = Cohorts and enrolment
studio-cohorts-title = Cohorts and enrolment
studio-enrolment-settings = Who may enrol
studio-partners = Partner organisations
studio-partners-hint = A partner organisation granted places here may enrol its people from a file, even when the course is not open to everyone. Its people already enrolled stay if the places are withdrawn.
studio-partners-organisation = Organisation
studio-partners-places = Places
studio-partners-places-hint = Leave empty for no limit.
studio-partners-unlimited = no limit
studio-partners-grant = Grant places
studio-partners-withdraw = Withdraw
studio-enrolment-mode = Enrolment
studio-enrolment-open = Open to anyone signed in
studio-enrolment-key = With an enrolment key
studio-enrolment-closed = Closed
studio-enrolment-cap = Most learners at once (leave empty for no limit)
studio-grade-policy = Which quiz attempt counts
studio-attendance-percent = Attendance needed to complete (%)
studio-attendance-percent-hint = The share of its cohort's live sessions a learner must attend; sessions they were excused from are left out. Leave empty for no such rule.
studio-save = Save
studio-cohorts-list = Cohorts
studio-cohorts-none = No cohort yet.
studio-cohort-new = A new cohort
studio-cohort-create = Create the cohort
studio-cohort-settings = Cohort settings
studio-cohort-name = Name
studio-cohort-dates = Dates
studio-cohort-places = Places taken
studio-cohort-language = Language it is taught in
studio-cohort-starts_on = Starts on
studio-cohort-ends_on = Ends on
studio-cohort-opens_on = Enrolment opens on (empty: now)
studio-cohort-closes_on = Enrolment closes on (empty: when it starts)
studio-cohort-capacity = Places
studio-cohort-capacity-hint = Beyond this, learners join a waitlist. Leave empty for no limit.
studio-cohort-confirm-hours = Hours to confirm a place offered from the waitlist
studio-cohort-facilitators = Facilitators
studio-cohort-facilitators-hint = Their email addresses, separated by commas. They must have an account.
studio-roster = Learners
studio-roster-name = Learner
studio-roster-status = Status
studio-roster-progress = Progress
studio-roster-remove = Remove
studio-roster-message = Message (kept in the history)
studio-roster-csv = Download the list (CSV)
studio-session-new = A new session
studio-session-title = Title
studio-session-time-zone = Time zone where it takes place
studio-session-time-zone-hint = As in Africa/Nairobi, Europe/Paris or America/Bogota. The times below are local times there.
studio-session-starts = Starts
studio-session-ends = Ends
studio-session-lesson = The live-session lesson it stands for
studio-session-no-lesson = None
studio-session-add = Add the session
enrollment-status-active = Active
enrollment-status-completed = Completed
enrollment-status-withdrawn = Left
enrollment-status-removed = Removed
enrollment-status-waitlisted = On the waitlist
enrollment-status-offered = Place offered
err-required = Required.
err-places_invalid = Give a whole number of places from 1 to 100,000, or leave it empty for no limit.
err-too_long = Too long.
err-not_a_course_language = Choose one of the course's languages.
err-before_start = Must come after the start.
err-before_opening = Must come after enrolment opens.
err-after_end = Must come before the end.
err-out_of_range = Out of range.
err-not_a_date_time = Not a valid date or time.
err-unknown_time_zone = Not a time zone name such as Africa/Nairobi.
err-not_https = Must be an https:// address.
err-venue_or_link_required = Give a venue, a meeting link, or both.
err-not_a_live_lesson = Not a live-session lesson of this course.
err-unknown_value = Not one of the choices.
err-unknown_email = No account has this email address.

## Bulk enrolment
email-invited-subject = You are invited to a course
email-invited-body = You have been enrolled in “{ $course }” on { $site }. Choose a password to sign in and start.
email-invited-action = Choose my password
email-invited-expiry = The link works once, within 14 days.
bulk-title = Enrol people from a file
bulk-help = Upload a CSV file with a header line: email, name and country (a two-letter code) for everyone, and optionally language (ar, zh, en, fr, ru or es). People who have an account are enrolled; others get an account and an email inviting them to choose a password. At most { $max } rows.
bulk-cohort = Cohort
bulk-file = CSV file
bulk-submit = Enrol them
bulk-summary = { $accepted } accepted, { $rejected } rejected.
bulk-results = Row by row
bulk-line = Line
bulk-email = Email
bulk-result = Result
bulk-result-enrolled = Enrolled
bulk-result-waitlisted = On the waitlist
bulk-result-invited = Invited (new account)
bulk-result-already_enrolled = Already enrolled
bulk-result-rejected = Rejected
bulk-file-refused = The file was not used; nothing was done:
bulk-error-no_file = Choose a file to upload.
bulk-error-not_utf8 = The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.
bulk-error-missing_column = The header has no “{ $at }” column.
bulk-error-unknown_column = The header has a column this page does not know: “{ $at }”.
bulk-error-malformed = The file cannot be read as CSV (near line { $at }).
bulk-error-no_rows = The file has a header but no rows.
bulk-error-too_many_rows = The file has more than { $at } rows: split it.

## Grading
grading-title = Answers to grade
grading-none = No answer is waiting to be graded.
grading-answer = The learner's answer
grading-accepted = Answers the author accepted
grading-save = Save the grades
grading-saved = Grades saved.

## Applications
email-accepted-subject = Your application was accepted
email-accepted-body = Your application to “{ $course }” was accepted: you can start.
email-accepted-waitlisted = Your application to “{ $course }” was accepted. The cohort is full for now, so you are on its waitlist; we will email you when a place frees up.
email-declined-subject = Your application was not accepted
email-declined-body = Your application to “{ $course }” was not accepted this time.
application-intro = This course takes applications: answer the questions below, and the course team will reply by email.
application-submit = Apply
application-pending = Your application is with the course team. You will get their answer by email.
application-withdraw = Withdraw my application
enrol-error-answers_required = Answer every question to apply.
studio-enrolment-application = By application (questions below)
studio-screening-questions = Questions for applicants
studio-screening-questions-hint = One per line, in the course's default language.
studio-applications = Applications
studio-decision-message = Message to the applicant (optional)
studio-accept = Accept
studio-decline = Decline
enrollment-status-applied = Applied
enrollment-status-declined = Declined

## Certificates
certs-title = My certificates
certs-empty = You have no certificates yet. Complete a course to earn one.
certs-held-email_unconfirmed = This certificate is waiting for you to confirm your email address. Confirm it with the link we emailed you, and the certificate is issued at once.
certs-resend = Send the confirmation email again
certs-open = View and share
cert-title = Certificate
cert-status-valid = Valid. This certificate was issued by { $site }.
cert-status-revoked = Revoked on { $date }. This certificate is no longer valid.
cert-revoked-reason = Reason: { $reason }
cert-number = Number
cert-awarded-to = Awarded to
cert-kind = Kind
cert-kind-completion = Certificate of completion
cert-kind-participation = Certificate of participation
cert-course = Course
cert-completed-on = Completed on
cert-duration = Duration
cert-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
cert-issued-by = Issued by
cert-issued-on = Issued on
cert-address = Verification address
cert-revision = Revision { $revision }
cert-revoke = Revoke this certificate
cert-revoke-reason = Reason (shown on this page and sent to the learner)
cert-revoke-button = Revoke
cert-earned = Certificate { $number }
certificate-revoked = The certificate is revoked.
email-certificate_issued-subject = Your certificate is ready
email-certificate_issued-body = Congratulations on completing “{ $course }”. Your certificate { $number } is ready, and anyone can verify it at its address.
email-certificate_issued-action = View your certificate
email-certificate_issued-all = All your certificates:
email-certificate_revoked-subject = Your certificate was revoked
email-certificate_revoked-body = Your certificate { $number } for “{ $course }” was revoked. Reason: { $reason }
email-certificate_revoked-action = See the certificate's page
err-reason_invalid = Give a reason of at most 1,000 characters.
err-name_invalid = Give a name of at most 200 characters.

## Certificates as PDF
pdf-presented = This certifies that
pdf-reason-completion = has successfully completed the course
pdf-reason-participation = has taken part in the course
pdf-completed-on = Completed on { $date }
pdf-duration = Duration: { $duration }
pdf-number = Certificate number
pdf-verify = Verify at
pdf-date = { $day } { $month } { $year }
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
cert-download = Download the certificate (PDF)
cert-share = Share
cert-linkedin = Add to LinkedIn profile
cert-pdf-languages = PDF in another language:
cert-revoked-pdf = This certificate was revoked on { $date }: its PDF is no longer given.
cert-credential = Download the credential (Open Badges 3.0)
cert-credential-hint = A signed digital credential: add it to a wallet or give it to an employer; anyone can check it without an account.

## Certificates: verification by number, administrators
verify-title = Verify a certificate
verify-intro = Enter the number printed on the certificate (for example KZ-2026-000123) to see whether it is valid and who it was issued to.
verify-number = Certificate number
verify-button = Verify
verify-missing = No certificate has the number { $number }. Check the number and try again.
admin-certs-title = Certificates
admin-certs-count = { $count ->
    [one] 1 certificate
   *[other] { $count } certificates
}
admin-certs-course = Course (id)
admin-certs-cohort = Cohort (id)
admin-certs-status = Status
admin-certs-from = Completed from
admin-certs-to = Completed before
admin-certs-any = Any
admin-certs-apply = Apply
admin-certs-csv = Download as CSV
cert-status-name-held = Held
cert-status-name-issued = Issued
cert-status-name-revoked = Revoked
cert-correct = Correct the name
cert-correct-name = The name as it should read (the number stays; a new revision is issued)
cert-correct-button = Correct and re-issue
certificate-revised = The name is corrected: a new revision of the certificate was issued.
certificate-issued = The certificate was issued.
admin-records = Courses and certificates
admin-records-none = No course that could give a certificate.
admin-issue-reason = Issue the certificate by hand: where and how the course was completed (kept in the audit log)
admin-issue-button = Issue the certificate
nav-admin-certificates = Certificates
footer-verify = Verify a certificate
studio-min-score = Final score needed for the certificate (%)
studio-min-score-hint = The share of the points of the course's quizzes a learner needs; their certificate waits until they reach it (they can retake quizzes that allow it). Lowering it releases the certificates it held. Leave empty for no such gate.
certs-held-score_below_minimum = Your certificate waits until your final score reaches the course's minimum (it is { $score }%). Retake the course's quizzes where they allow it.
cert-final-score = Final score: { $score }%

## End-of-training reports
report-title = End-of-training report
report-intro = When the training is over, file its report: an administrator validates it, and the certificates waiting for it are issued at once.
report-filed-on = Filed on { $date }; waiting for an administrator's validation. You can still change it.
report-validated-on = Validated on { $date }. The certificates that waited for it were issued.
report-validate-hint = Check the report: validating it issues the certificates that wait for it, and the report no longer changes.
report-validate = Validate the report
report-starts = Training started on
report-ends = Training ended on
report-facilitators = Facilitators
report-participants = Participants
report-attendance = Attendance summary
report-outcomes = Outcomes
report-remarks = Remarks (optional)
report-file = File the report
report-held = Certificates waiting
report-held-none = No certificate of this cohort is waiting.
held-reason-email_unconfirmed = email address not confirmed
held-reason-score_below_minimum = final score below the course's minimum
held-reason-report_pending = waiting for the end-of-training report
certs-held-report_pending = Your certificate waits for the end-of-training report of your cohort: it is issued as soon as an administrator validates it.
report-filed = The report is filed.
report-validated = The report is validated and the waiting certificates were issued.
studio-needs-report = Cohorts' certificates wait for the end-of-training report
studio-needs-report-hint = Each cohort's coordinator files a report (dates, facilitators, participants, attendance, outcomes); an administrator validates it, which issues the cohort's certificates.
studio-cohort-report = End-of-training report
studio-certificate-preview = The certificate
studio-certificate-preview-hint = A sample of this course's certificate in each of its languages, with a name in that language's script (PDF).
error-503-title = This is not available here yet
error-503-body = This server is not set up for it yet. The administrators have been told; please try again later.

## Certificate design: the library, a course's choice, endorsements
nav-admin-library = Certificate library
nav-endorsements = Endorsements
library-title = Certificate library
library-intro = Signatories and logos that courses can show on their certificates. Certificates keep what they were issued with: retiring an entry changes only those issued afterwards.
library-signatories = Signatories
library-logos = Logos
library-name = Name
library-signatory-title = Title
library-organisation = Organisation
library-signature = Signature (picture)
library-signature-of = Signature of { $name }
library-image-hint = PNG, JPEG or SVG, at most { $kb } KB.
library-add-signatory = Add a signatory
library-add-logo = Add a logo
library-add = Add
library-logo-name = Name of the logo
library-logo-image = Picture
library-logo-instance = This is the instance's own logo (at the head of every certificate)
library-instance-logo = The instance's logo
library-make-instance = Use as the instance's logo
library-make-instance-named = Use { $name } as the instance's logo
library-retire = Retire
library-retire-named = Retire { $name }
library-retired = Retired
library-saved = The certificate library is saved.
design-title = Certificate design
design-link = Choose the certificate's signatories and logos
design-intro = Choose who signs this course's certificates and which partner logos they show, from the instance's library. Certificates issued from now on show them; those already issued keep theirs.
design-signatories = Signatories (up to three, in this order)
design-signatory-n = Signatory { $n }
design-none = None
design-logos = Partner logos (up to { $max })
design-library-empty = The library has none yet; an administrator adds them in the certificate library.
design-save = Save the design
design-saved = The certificate design is saved.
design-also = Also on the certificate
design-instance = The logo and name of { $site }.
design-endorsed-by = Endorsed by:
endorse-title = Endorse this course
endorse-intro = Ask that { $organisation } endorse this course. Once an administrator approves, the certificates issued from then on show your organisation's logo and signatory and carry its signed endorsement.
endorse-comment = What your organisation says of the course (optional)
endorse-signatory = Your organisation's signatory
endorse-logo = Your organisation's logo
endorse-button = Ask to endorse
endorse-already-requested = Your organisation has asked to endorse this course; an administrator will decide.
endorse-already-approved = Your organisation endorses this course.
endorsement-requested = Your request is sent; an administrator will decide.
endorsement-decided = The endorsement is updated.
endorsements-title = Endorsements
endorsements-intro = Partner organisations' endorsements of courses. Withdrawing an endorsement changes only the certificates issued afterwards.
endorsements-organisation = Organisation
endorsement-status-requested = Asked
endorsement-status-approved = Approved
endorsement-status-declined = Declined
endorsement-status-withdrawn = Withdrawn
endorsement-credential = Signed endorsement
endorsement-approve = Approve
endorsement-approve-named = Approve the endorsement by { $name }
endorsement-decline = Decline
endorsement-decline-named = Decline the endorsement by { $name }
endorsement-withdraw = Withdraw
endorsement-withdraw-named = Withdraw the endorsement by { $name }
cert-signatories = Signed by
cert-endorsed-by = Endorsed by
err-field_required = This field is required.
err-field_invalid = Use printable characters only.
err-field_too_long = This is too long.
err-image_too_large = The picture is too large (at most 512 KB).
err-image_invalid = This is not a PNG, JPEG or SVG picture that can be read.
err-image_required = Choose a picture.
err-not_base64 = This is not base64.
err-too_many_signatories = Choose at most three signatories.
err-too_many_logos = Choose at most four logos.
err-chosen_twice = The same signatory or logo is chosen twice.
err-not_in_library = One of them is no longer in the library.
design-sample-names = The same certificate with a sample name in each of the six scripts (a name's script need not be the certificate's):

## Organisations and their members
nav-organisation = My organisation
org-kind-national_government = National government
org-kind-local_government = Local government
org-kind-un_system = UN system or intergovernmental organisation
org-kind-other = Other
org-field-names = Name in other languages
org-field-names-hint = Shown to readers of that language; leave a language empty to show the name above.
org-field-domains = Email domains
org-field-domains-hint = One per line, such as nairobi.go.ke. People whose confirmed email address is at one of these domains are members without waiting for a coordinator. Public mail services cannot be used.
err-email_domain_invalid = Enter domain names such as nairobi.go.ke, one per line.
err-email_domain_public = A public mail service cannot be one of an organisation's domains: anyone can have an address there.
err-email_domains_too_many = Enter at most 20 domains.
members-title = Members
members-intro = People who name your organisation in their profile wait here until you confirm them. Only confirmed members appear with their courses and in your organisation's figures.
members-tabs = Members by status
members-confirmed = Confirmed ({ $count })
members-pending = Waiting ({ $count })
members-confirmed-caption = Confirmed members
members-pending-caption = People waiting to be confirmed
members-col-studying = Studying
members-col-completed = Completed
members-col-certificates = Certificates
members-col-confirmed = Confirmed on
members-by-coordinator = by a coordinator
members-by-administrator = by an administrator
members-by-invitation = enrolled by the organisation
members-by-domain = by their email address
members-confirm = Confirm
members-decline = Decline
members-remove = Remove
members-none = No confirmed members yet.
members-none-pending = Nobody is waiting to be confirmed.
member-confirmed = The member is confirmed.
member-removed = The person is no longer a member of the organisation.
member-courses = Courses
member-col-progress = Progress
member-col-certificate = Certificate
member-enrolled-on = Enrolled { $date }
member-no-courses = No courses yet.
membership-pending = Your organisation has not confirmed you yet. Until it does, you are not among its members.
membership-confirmed = Your organisation has confirmed you as a member.

## Reports
nav-reports = Reports
role-partner_viewer = Partner viewer (reads its organisation's reports)
reports-title = Learning report
reports-title-of = Learning report: { $organisation }
reports-intro = Who took part and what they achieved, counted from the learning records. Small counts are not shown, so that nobody can be singled out.
report-from = From
report-to = To (included)
report-by = Group by
report-then = Then by
report-measure = Measure charted
report-organisation = Organisation
report-course = Course
report-course-format = Format
report-language = Language of study
report-any = Any
report-nothing = Nothing (one row)
report-show = Show the report
report-download-csv = Download as CSV
report-download-xlsx = Download as Excel (XLSX)
report-period = From { $from } to { $to }
report-note-small = <{ $threshold }: a count from 1 to { $threshold } minus one, not shown so that nobody can be singled out.
report-note-hidden = x: not shown, so that a total or a difference cannot reveal a small count.
report-note-source = Source: { $site }, from its learning records.
report-total = Total
report-everyone = Everyone
report-empty = Nothing was counted for this period.
report-not-stated = Not stated
report-none = None
report-no-cohort = Outside a cohort
report-no-organisation = No confirmed organisation
report-group-ldc = Least developed countries
report-group-lldc = Landlocked developing countries
report-group-sids = Small island developing States
report-group-other = Other countries
report-age-under_25 = Under 25
report-age-25_34 = 25 to 34
report-age-35_44 = 35 to 44
report-age-45_54 = 45 to 54
report-age-55_64 = 55 to 64
report-age-65_plus = 65 and over
report-by-course = Course
report-by-cohort = Cohort
report-by-format = Format
report-by-language = Language of study
report-by-month = Month
report-by-quarter = Quarter
report-by-year = Year
report-by-country = Country or area
report-by-region = Region
report-by-sub_region = Sub-region
report-by-ldc = Least developed countries
report-by-lldc = Landlocked developing countries
report-by-sids = Small island developing States
report-by-gender = Gender
report-by-age_band = Age
report-by-organisation_kind = Kind of organisation
report-by-organisation = Organisation
report-measure-enrolments = Enrolments
report-measure-active_learners = Active learners
report-measure-completions = Completions
report-measure-completion_rate = Completion rate
report-measure-certificates = Certificates issued
report-measure-average_score = Average final score (%)
report-measure-median_days = Median days to complete
report-measure-attendance_rate = Attendance rate
report-chart-title = { $measure } by { $by }
report-chart-desc = One bar per group; the table below gives the same figures. Counts too small to show are not drawn.
err-not_a_date = Enter a date as YYYY-MM-DD.
err-period_backwards = The end comes before the start.
err-period_too_long = Choose a period of at most 20 years.
err-grouping_unknown = Choose a grouping from the list.
err-grouping_needs_by = Choose a first grouping before a second one.
err-grouping_repeated = Choose two different groupings.
err-measure_unknown = Choose a measure from the list.
err-format_unknown = Choose a format from the list.

## The agency's dashboard
nav-admin-dashboard = Dashboard
dashboard-agency-title = The agency's dashboard
dashboard-agency-intro = This year so far ({ $from } to { $to }) against the same days of last year ({ $last_from } to { $last_to }).
dashboard-agency-headline = Whom the agency reached
dashboard-this-year = This year
dashboard-last-year = Last year
dashboard-learners = Learners reached
dashboard-countries = Countries and areas
dashboard-ldc_share = Share in least developed countries
dashboard-women_share = Share of women
dashboard-completions = Completions
dashboard-certificates = Certificates issued
dashboard-by-theme = By theme
dashboard-by-sdg = By Sustainable Development Goal
dashboard-col-theme = Theme
dashboard-col-sdg = Goal
dashboard-chart-title = Enrolments { $by }: this year (thick bars) and last year (thin bars)
dashboard-chart-desc = One pair of bars per group; the table below gives the figures. Counts too small to show are not drawn.
dashboard-facets-note = A course can carry several themes and goals, so these rows do not add up to the totals above.
dashboard-note-shares = Shares are of the learners who stated their country or their gender; x marks a share not shown because it would reveal a small count.
dashboard-more = Ask the learning report for more

## Use of the content
report-usage = Use of the content
report-usage-by-month = Views and downloads by month
report-usage-by-language = Views by language version of the courses
report-usage-language = Language version
report-usage-course-views = Course page views
report-usage-lesson-views = Lesson views
report-usage-downloads = File downloads
report-usage-none = No views or downloads were counted in this period.

## Scheduled reports
subscriptions-title = Scheduled reports
subscriptions-intro = Have this report emailed to you, in your language, after each week (Monday to Sunday) or each month.
subscriptions-frequency = How often
subscriptions-weekly = Every week
subscriptions-monthly = Every month
subscriptions-subscribe = Email me this report
subscriptions-none = You have no scheduled reports.
subscriptions-stop = Stop
subscription-saved = The report will be emailed to you after each period.
subscription-ended = That report will no longer be emailed to you.
err-frequency_unknown = Choose every week or every month.
email-report-subject = { $title }
email-report-body = { $title }, { $period }:
email-report-page = Read it with its chart:
email-report-manage = Stop or change your scheduled reports:

## Providers
org-field-provider = Provides courses
org-field-provider-hint = A provider (a training centre, a university) delivers courses under this portal: its courses carry its name in the catalog, on the course page and on certificates, and its coordinators run their cohorts.
err-organisation_provides_courses = Some courses name this organisation as their provider: give them another provider first.
err-organisation_not_provider = Choose a provider from the list.
studio-field-provider = Provider
studio-field-provider-hint = The organisation that delivers the course. It shows in the catalog, on the course page and on new certificates at once, without publishing again; its coordinators run the course's cohorts.
studio-no-provider = None (this platform)
catalog-provider = Provider
course-provided-by = Offered by
cert-provided-by = Offered by
pdf-provided-by = Offered by { $provider }
report-provider = Provider
report-no-provider = No provider
report-by-provider = Provider
members-provided = Courses it provides
members-provided-intro = Open a course to run its cohorts.
members-provided-report = Read the report on these courses

# Surveys
err-too_many_survey_questions = A survey has at most 100 questions.
eval-title = Course evaluation
eval-intro = Tell us what you thought of the course. Your answers are saved page by page; you can leave and come back until you submit.
eval-page-of = Page { $page } of { $pages }
eval-required = required
eval-optional = optional
eval-submit = Submit the evaluation
eval-next = Next page
eval-back = Previous page
eval-save = Save and finish later
eval-thanks = Thank you: your evaluation of this course was submitted.
eval-offer = How was the course? Your evaluation helps improve it.
eval-open = Evaluate the course
eval-notice-submitted = Thank you: your evaluation was submitted.
eval-notice-saved = Your answers are saved. Come back to finish whenever you like.
eval-kind-likert = Agreement scale
eval-kind-single = One choice
eval-kind-multiple = Several choices
eval-kind-rating = Rating from 0 to 10
eval-kind-number = Number
eval-kind-short_text = Short text
eval-kind-long_text = Long text
studio-evaluation-open = Evaluation
eval-studio-title = The course's evaluation
eval-studio-intro = Learners are offered this evaluation the moment they complete the course. It starts with the standard questions of the bank, which compare across courses; add the course's own.
eval-studio-state = Published form and responses
eval-studio-version = Version { $version } is published
eval-studio-responses = { $started } started, { $submitted } submitted
eval-studio-changed = The draft below has changes learners do not see yet. Responses already started stay on the version they began on.
eval-studio-publish = Publish the changes
eval-studio-required = Release the certificate only once the learner has submitted the evaluation
eval-studio-required-hint = Certificates wait with the reason shown to the learner; turning this off releases those that waited.
eval-studio-draft = Draft
eval-studio-from-bank = standard question
eval-studio-up = Move up
eval-studio-down = Move down
eval-studio-make-optional = Make optional
eval-studio-make-required = Make required
eval-studio-remove = Remove
eval-studio-remove-section = Remove this empty page
eval-studio-add = Add a question of the course's own
eval-studio-section = Page
eval-studio-kind = Kind of answer
eval-studio-text = Question
eval-studio-options = Options
eval-studio-options-hint = One per line: the choices; a scale's labels from lowest to highest; a rating's two end labels (optional).
eval-studio-min = Smallest number accepted (numbers only)
eval-studio-max = Largest number accepted (numbers only)
eval-studio-add-button = Add to the draft
eval-studio-bank = Add a question from the bank
eval-studio-bank-question = Question of the bank
eval-studio-add-section = Add a page
eval-studio-section-title = Page title
certs-held-evaluation_pending = Your certificate is issued as soon as you submit the course's evaluation.
held-reason-evaluation_pending = waiting for the learner's evaluation of the course
err-question_unknown = This is not a question of this survey.
err-question_not_on_page = This question is on another page.
err-answer_invalid = Choose one of the answers offered.
err-answer_out_of_range = Give a number within the range asked for.
err-answer_too_long = This answer is too long.
err-answer_required = Please answer this question.
err-page_unknown = This page is not in the form.
err-sections_missing = A form needs at least one page.
err-too_many_sections = A form has at most 20 pages.
err-question_id_repeated = Two questions have the same id.
err-question_id_invalid = A question of the survey's own has an id q1, q2…
err-bank_question_unknown = This question is not in the bank.
err-options_invalid = Give 2 to 12 choices, 2 to 11 scale labels, or a rating's two end labels; other kinds take none.
err-bounds_invalid = Give numbers, the smallest not above the largest (numbers only).
results-title = Course evaluations
results-title-of = Evaluation of { $course }
results-question = Question
results-answer = Answer
results-respondents = Respondents
results-answered = Answered
results-answered-count = Answered by { $count }
results-mean = Mean
results-nps = Net promoter score
results-rates = Offered to { $invited } who completed; { $started } started, { $submitted } submitted.
results-note-small = <{ $threshold }: a group of fewer than { $threshold } respondents; none of its figures are shown.
results-figures = The figures
results-texts = Free-text answers
results-texts-anonymous = Answers are shown without names: this survey is anonymous.
results-texts-named = This survey is not anonymous: answers are shown with the respondent's name.
results-no-texts = No answer yet.
err-grouping_not_offered = Results are grouped one way at a time.
eval-studio-results = Read the results
eval-studio-anonymous = Anonymous: free-text answers are read without the respondent's name
eval-anonymous = Your answers are read without your name.
eval-named = The course's editors read your answers with your name.
