# Строки интерфейса Kuza: русский язык.
# В этом файле определены все сообщения эталонного английского файла (en/main.ftl).

## The shell
site-name = Kuza
site-tagline = Обучение в интересах устойчивых городов и населенных пунктов
skip-to-content = Перейти к основному содержанию
nav-main = Главное меню
nav-home = Главная
nav-profile = Мой профиль
nav-admin-users = Пользователи
nav-admin-organisations = Организации
nav-sign-in = Войти
nav-sign-up = Создать учетную запись
nav-sign-out = Выйти
nav-signed-in-as = Вы вошли как { $name }
language-label = Язык
language-switch = Сменить язык
footer-text = Kuza — открытая учебная платформа для наращивания потенциала.
footer-api = Документация по API
optional = необязательно
required = обязательно
save = Сохранить
cancel = Отмена
back-home = Вернуться на главную страницу

## Home
home-title = Учитесь где угодно на своем языке
home-intro = Курсы для государственных служащих, сотрудников городских администраций, университетов и партнерских учреждений: для самостоятельного изучения, с фасилитатором и в смешанном формате — на шести официальных языках ООН.
home-welcome = Добро пожаловать, { $name }.
home-get-started = Создайте бесплатную учетную запись, чтобы записываться на курсы и получать сертификаты.

## Fields
field-email = Адрес электронной почты
field-password = Пароль
field-password-hint = { $min ->
    [one] Не менее { $min } символа. Избегайте распространенных паролей; хорошо подходят несколько не связанных между собой слов.
   *[other] Не менее { $min } символов. Избегайте распространенных паролей; хорошо подходят несколько не связанных между собой слов.
}
field-display-name = Полное имя
field-display-name-hint = В том виде, в каком оно должно быть указано в ваших сертификатах.
field-language = Предпочитаемый язык
field-country = Страна
field-country-choose = Выберите страну
field-organisation = Организация
field-organisation-none = Нет или отсутствует в списке
field-gender = Пол
field-birth-year = Год рождения
field-demographics-legend = О вас (необязательно)
field-demographics-purpose = Мы запрашиваем эти сведения только для того, чтобы в обезличенном виде отчитываться о том, как наши курсы охватывают женщин и мужчин разного возраста. Вы можете пропустить этот раздел или выбрать вариант «Предпочитаю не отвечать».
gender-female = Женский
gender-male = Мужской
gender-other = Другой
gender-prefer_not_to_say = Предпочитаю не отвечать
gender-unspecified = Не указан

## Sign up and verification
sign-up-title = Создание учетной записи
sign-up-button = Создать учетную запись
sign-up-have-account = Уже есть учетная запись?
sign-up-check-email-title = Проверьте электронную почту
sign-up-check-email = Мы отправили ссылку на адрес { $email }. Перейдите по ней, чтобы подтвердить свой адрес.
verify-ok-title = Адрес подтвержден
verify-ok-body = Спасибо. Ваш адрес электронной почты подтвержден.
verify-failed-title = Эта ссылка недействительна
verify-failed-body = Срок действия ссылки истек, или она уже была использована. Войдите в систему и запросите новую ссылку в своем профиле.
verify-pending = Ваш адрес электронной почты еще не подтвержден.
verify-resend = Отправить ссылку повторно
verify-resent = Мы отправили новую ссылку для подтверждения на адрес { $email }.

## Sign in
sign-in-title = Вход
sign-in-button = Войти
sign-in-forgot = Забыли пароль?
sign-in-no-account = Впервые здесь?
sign-in-failed = Неверный адрес электронной почты или пароль.
sign-in-throttled = { $minutes ->
    [one] Слишком много попыток. Подождите { $minutes } минуту и попробуйте снова.
    [few] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
    [many] Слишком много попыток. Подождите { $minutes } минут и попробуйте снова.
   *[other] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
}
sign-in-disabled = Эта учетная запись отключена. Обратитесь к администраторам.
signed-out = Вы вышли из системы.

## Password reset
forgot-title = Сброс пароля
forgot-intro = Введите адрес электронной почты, указанный в вашей учетной записи, и мы отправим вам ссылку для выбора нового пароля.
forgot-button = Отправить ссылку
forgot-sent = Если адрес { $email } используется в какой-либо учетной записи, на него уже отправлена ссылка для сброса пароля. Она действует один раз в течение одного часа.
reset-title = Выберите новый пароль
reset-button = Сохранить новый пароль
reset-done = Ваш пароль изменен. Войдите в систему с новым паролем.
reset-invalid-title = Эта ссылка недействительна
reset-invalid-body = Эта ссылка уже использована или устарела. Запросите новую.
reset-ask-again = Запросить новую ссылку
invite-title = Добро пожаловать: выберите пароль
invite-intro = Выберите пароль, чтобы завершить создание учётной записи. Вы будете входить с помощью адреса электронной почты и этого пароля.
invite-button = Сохранить пароль
invite-done = Ваша учётная запись готова. Войдите, используя адрес электронной почты и новый пароль.

## Profile
profile-title = Мой профиль
profile-saved = Ваш профиль сохранен.
profile-email = Адрес электронной почты: { $email }
password-change-title = Смена пароля
password-current = Текущий пароль
password-new = Новый пароль
password-change-button = Сменить пароль
password-changed = Ваш пароль изменен. На других ваших устройствах выполнен выход из системы.

## Administration
admin-users-title = Пользователи
admin-users-search = Поиск по имени или адресу электронной почты
admin-search-button = Найти
admin-users-count = { $count ->
    [one] { $count } пользователь
    [few] { $count } пользователя
    [many] { $count } пользователей
   *[other] { $count } пользователя
}
admin-col-name = Имя
admin-col-email = Электронная почта
admin-col-country = Страна
admin-col-roles = Роли
admin-col-status = Статус
admin-col-organisation = Организация
admin-col-type = Тип
admin-col-members = Участники
admin-status-active = Активен
admin-status-disabled = Отключен
admin-status-unverified = Не подтвержден
admin-edit = Изменить
admin-user-title = Пользователь: { $name }
admin-user-roles = Роли
admin-user-roles-hint = Все пользователи являются слушателями. Наблюдатели от партнеров видят отчеты только по одной организации.
admin-user-partner-org = Организация для роли наблюдателя от партнера
admin-user-active = Учетная запись включена
admin-user-saved = Данные пользователя сохранены.
admin-orgs-title = Организации
admin-orgs-count = { $count ->
    [one] { $count } организация
    [few] { $count } организации
    [many] { $count } организаций
   *[other] { $count } организации
}
admin-org-new = Новая организация
admin-org-edit-title = Организация: { $name }
admin-org-create = Создать организацию
admin-org-saved = Данные организации сохранены.
admin-none = Пока ничего нет.
role-learner = Слушатель
role-author = Автор курсов
role-facilitator = Фасилитатор
role-admin = Администратор
role-partner = Координатор от партнера
org-field-name = Название
org-field-kind = Тип
org-kind-academia = Научно-академические круги
org-kind-civil_society = Гражданское общество
org-kind-private_sector = Частный сектор
pager-label = Страницы
pager-previous = Предыдущая
pager-next = Следующая
pager-position = Страница { $page } из { $pages }

## Form errors
form-has-errors = { $count ->
    [one] Исправьте { $count } ошибку, указанную ниже.
    [few] Исправьте { $count } ошибки, указанные ниже.
    [many] Исправьте { $count } ошибок, указанных ниже.
   *[other] Исправьте { $count } ошибки, указанные ниже.
}
err-email_invalid = Введите адрес электронной почты, например name@example.org.
err-email_taken = Учетная запись с этим адресом электронной почты уже существует. Войдите в систему или сбросьте пароль.
err-password_too_short = { $min ->
    [one] Пароль должен содержать не менее { $min } символа.
   *[other] Пароль должен содержать не менее { $min } символов.
}
err-password_too_long = { $max ->
    [one] Пароль может содержать не более { $max } символа.
   *[other] Пароль может содержать не более { $max } символов.
}
err-password_too_common = Этот пароль слишком распространен или его слишком легко угадать. Попробуйте несколько не связанных между собой слов.
err-password_wrong = Текущий пароль указан неверно.
err-display_name_invalid = Введите свое имя (не более 100 символов).
err-language_invalid = Выберите один из предложенных языков.
err-country_invalid = Выберите страну из списка.
err-gender_invalid = Выберите один из предложенных вариантов.
err-birth_year_invalid = Введите год рождения, например 1985, или оставьте поле пустым.
err-organisation_unknown = Выберите организацию из списка.
err-organisation_name_invalid = Введите название (не более 200 символов).
err-organisation_name_taken = Организация с таким названием уже существует.
err-organisation_kind_invalid = Выберите тип из списка.
err-partner_needs_organisation = Выберите организацию, отчеты которой может просматривать этот наблюдатель от партнера.

## Error pages
error-400-title = Некорректный запрос
error-400-body = Вернитесь назад и повторите попытку.
error-403-title = У вас нет доступа к этой странице
error-403-body = Если вы считаете, что доступ у вас должен быть, попросите администратора назначить вам соответствующую роль.
error-404-title = Страница не найдена
error-404-body = Возможно, страница была перемещена или в адресе допущена опечатка.
error-409-title = Сейчас это невозможно
error-409-body = Возможно, страница устарела или запрос больше не соответствует текущему состоянию. Вернитесь назад, обновите страницу и попробуйте снова.
error-413-title = Слишком большой объем данных
error-413-body = Отправленные вами данные превышают допустимый для этого сайта размер.
error-429-title = Слишком много запросов
error-429-body = Подождите немного и повторите попытку.
error-500-title = На нашей стороне произошла ошибка
error-500-body = Проблема зарегистрирована. Если она повторится, сообщите администраторам этот идентификатор: { $id }
error-csrf-title = Срок действия формы истек
error-csrf-body = В целях безопасности срок действия форм ограничен. Вернитесь назад, обновите страницу и отправьте форму еще раз.

## Emails
email-greeting = Здравствуйте, { $name }!
email-signature = Команда { $site }
email-verify-subject = Подтвердите адрес электронной почты
email-verify-body = Добро пожаловать на платформу { $site }. Подтвердите свой адрес электронной почты, чтобы завершить создание учетной записи.
email-verify-action = Подтвердить адрес
email-verify-ignore = Если вы не создавали учетную запись, просто проигнорируйте это письмо.
email-reset-subject = Сброс пароля
email-reset-body = Поступил запрос на сброс пароля к вашей учетной записи на платформе { $site }.
email-reset-action = Выбрать новый пароль
email-reset-expiry = Ссылка действует один раз в течение одного часа.
email-reset-ignore = Если это были не вы, проигнорируйте это письмо: ваш пароль останется прежним.
email-registered-subject = У вас уже есть учётная запись
email-registered-body = Кто-то попытался создать учётную запись { $site } с этим адресом электронной почты, но у него уже есть учётная запись.
email-registered-sign-in = Войти
email-registered-reset = Забыли пароль? Выберите новый
email-registered-ignore = Если это были не вы, не обращайте внимания на это сообщение: ничего не изменилось.
email-link-fallback = Если кнопка не работает, скопируйте этот адрес в адресную строку браузера:

## Courses
course-format = Формат
course-format-self_paced = Самостоятельное изучение
course-format-facilitated = Онлайн-обучение с фасилитатором
course-format-face_to_face = Очное обучение
course-format-blended = Смешанное обучение
course-level = Уровень
course-level-introductory = Начальный
course-level-intermediate = Средний
course-level-advanced = Продвинутый
course-duration = Примерная продолжительность
course-hours = { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
    [many] { $hours } часов
   *[other] { $hours } часа
}
course-languages = Доступные языки
course-themes = Темы
course-syllabus = Программа курса
course-module-lessons = { $count ->
    [one] { $count } урок
    [few] { $count } урока
    [many] { $count } уроков
   *[other] { $count } урока
}
course-version = Версия { $number }, опубликована { $date }
course-lesson-optional = Необязательный
course-in-other-language = Этот материал пока недоступен на вашем языке. Язык отображения: { $language }.

## Catalog
nav-courses = Курсы
catalog-title = Курсы
catalog-search-label = Поиск по курсам
catalog-search-button = Найти
catalog-filters = Фильтры
catalog-any = Любой
catalog-language = Язык курса
catalog-sdg = Цель в области устойчивого развития
catalog-sdg-goal = ЦУР { $goal }
catalog-sort = Сортировка
catalog-sort-default = По релевантности, иначе сначала новые
catalog-sort-relevance = По релевантности
catalog-sort-newest = Сначала новые
catalog-sort-title = По названию
catalog-sort-duration = Сначала короткие
catalog-apply = Применить фильтры
catalog-clear = Сбросить поиск и фильтры
catalog-ignored = Некоторые фильтры не распознаны и не применены.
catalog-count = { $count ->
    [0] Курсы не найдены
    [one] Найден { $count } курс
    [few] Найдено { $count } курса
    [many] Найдено { $count } курсов
   *[other] Найдено { $count } курса
}
catalog-empty = Нет опубликованных курсов, соответствующих запросу. Попробуйте другие слова или меньше фильтров.

## Studio
nav-studio = Студия
studio-title = Мои курсы
studio-new-course = Новый курс
studio-none = У вас пока нет курсов.
studio-col-title = Курс
studio-col-status = Статус
studio-col-version = Опубликованная версия
studio-status-draft = Черновик
studio-status-published = Опубликован
studio-status-archived = В архиве
studio-settings = Настройки курса
studio-field-slug = Веб-адрес
studio-field-slug-hint = Строчные латинские буквы, цифры и дефисы, например urban-planning-basics. После публикации курса изменить его нельзя.
studio-field-format = Формат
studio-field-level = Уровень
studio-field-hours = Примерное количество часов
studio-field-default-language = Язык по умолчанию
studio-field-default-language-hint = Если текста нет на другом языке, он отображается на этом.
studio-field-languages = Доступные языки
studio-field-themes = Темы
studio-field-themes-hint = Через запятую. Цели в области устойчивого развития указываются в виде sdg:11, задачи — в виде sdg:11.3.
studio-field-title = Название
studio-field-summary = Краткое описание
studio-field-body = Текст (в формате Markdown)
studio-field-required = Обязателен для завершения курса
studio-field-position = Порядковый номер
studio-create = Создать курс
studio-saved = Изменения сохранены.
studio-published = Курс опубликован как версия { $version }.
studio-modules = Модули и уроки
studio-add-module = Добавить модуль
studio-add-lesson = Добавить урок
studio-edit = Изменить
studio-delete = Удалить
studio-back = Вернуться к курсу
studio-publish = Опубликовать новую версию
studio-publish-hint = Слушатели будут видеть опубликованную версию, пока вы не опубликуете курс снова.
studio-cannot-publish = Курс пока нельзя опубликовать:
studio-missing = Отсутствующие переводы
studio-missing-item = { $field } — { $language }
studio-versions = Версии
studio-version-item = Версия { $number }, { $date }
studio-preview = Просмотреть как слушатель
studio-view-published = Открыть опубликованную страницу
studio-archive = Перенести курс в архив
studio-module-title = Модуль: { $title }
studio-lesson-title = Урок: { $title }
studio-new-lesson = Новый урок
studio-no-lessons = Уроков пока нет.
studio-preview-banner = Предварительный просмотр черновика: слушатели не увидят его до публикации.
err-slug_invalid = Используйте от 3 до 80 символов: строчные латинские буквы, цифры и одиночные дефисы.
err-slug_taken = Этот веб-адрес уже используется другим курсом.
err-slug_fixed_after_publication = После публикации веб-адрес изменить нельзя.
err-format_invalid = Выберите формат из списка.
err-level_invalid = Выберите уровень из списка.
err-hours_invalid = Введите количество часов от 0 до 1000.
err-theme_invalid = Одна из тем указана неверно: используйте короткие слова или обозначения от sdg:1 до sdg:17, при необходимости с указанием задачи.
err-default_language_missing = Это поле необходимо заполнить на языке курса по умолчанию.
err-language_not_offered = Этот язык не входит в число языков курса.
err-text_too_long = Этот текст слишком длинный.
err-control_character = Этот текст содержит управляющий символ (например, перенос строки в заголовке); удалите его.
err-course_has_no_modules = Добавьте хотя бы один модуль.
err-module_has_no_lessons = В каждом модуле должен быть хотя бы один урок.
err-lesson_kind_invalid = Выберите тип урока из списка.

## Lessons and quizzes
lesson-kind-text = Текст
lesson-kind-video = Видео
lesson-kind-file = Файл для скачивания
lesson-kind-quiz = Тест
lesson-kind-live = Занятие в реальном времени
question-kind-single = Один вариант ответа
question-kind-multiple = Несколько вариантов ответа
question-kind-true_false = Верно или неверно
question-kind-numeric = Числовой ответ
question-kind-short_text = Краткий ответ
quiz-true = Верно
quiz-false = Неверно
lesson-position = Урок { $position } из { $count }
lesson-video-download = Скачать видео ({ $size } KB)
lesson-video-external = Смотреть видео (на другом сайте)
lesson-transcript = Расшифровка
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
    [many] { $count } вопросов
   *[other] { $count } вопроса
}, { $points ->
    [one] { $points } балл
    [few] { $points } балла
    [many] { $points } баллов
   *[other] { $points } балла
}
quiz-facts-pass-mark = Проходной балл: { $percent } %
quiz-facts-attempts = { $count ->
    [one] Допускается { $count } попытка
    [few] Допускается { $count } попытки
    [many] Допускается { $count } попыток
   *[other] Допускается { $count } попытки
}
quiz-facts-attempts-unlimited = Количество попыток не ограничено
quiz-facts-time-limit = { $minutes ->
    [one] Ограничение по времени: { $minutes } минута
    [few] Ограничение по времени: { $minutes } минуты
    [many] Ограничение по времени: { $minutes } минут
   *[other] Ограничение по времени: { $minutes } минуты
}
lesson-live-note = Даты этого занятия устанавливаются отдельно для каждого потока слушателей этого курса.
lesson-kind-package = Интерактивный модуль
package-done = Пройдено
package-review = Просмотреть
package-resume = Продолжить
package-start = Начать
package-needs-javascript = Для этого интерактивного урока нужен JavaScript; ваш прогресс сохраняется по ходу работы и не теряется при обрыве связи.
package-review-note = Вы уже прошли эту часть: её можно просмотреть, результат не изменится.
package-contents = Содержание
package-previous = Предыдущая часть
package-next = Следующая часть
package-exit = Вернуться к уроку
lesson-nav = Уроки
lesson-previous = Предыдущий
lesson-next = Следующий
studio-no-file = Нет
studio-field-cover = Изображение обложки
studio-field-kind = Тип урока
studio-field-kind-hint = При смене типа название и текст сохраняются, а видео, файл для скачивания или тест, относящиеся к прежнему типу, удаляются.
studio-in-language = Язык: { $language }
studio-field-intro = Введение (в формате Markdown)
studio-field-captions = Субтитры (в формате WebVTT)
studio-field-transcript = Расшифровка (в формате Markdown)
studio-media-hint = Файлы загружаются на странице файлов курса.
studio-media-link = Файлы курса
studio-field-video-file = Видеофайл (WebM или MP4)
studio-field-video-url = Или ссылка на видео (https)
studio-field-download = Файл для скачивания
studio-quiz-settings = Настройки теста
studio-field-pass-mark = Проходной балл (процент от общего числа баллов)
studio-field-attempts = Допустимое количество попыток
studio-empty-no-limit = Оставьте поле пустым, чтобы не устанавливать ограничение.
studio-field-time-limit = Ограничение по времени (в минутах)
studio-field-shuffle = Перемешивать варианты ответа при каждой попытке
studio-questions = Вопросы
studio-quiz-points = { $points ->
    [one] Всего { $points } балл.
    [few] Всего { $points } балла.
    [many] Всего { $points } баллов.
   *[other] Всего { $points } балла.
}
studio-question-untitled = (текст вопроса еще не задан)
studio-points = { $points ->
    [one] { $points } балл
    [few] { $points } балла
    [many] { $points } баллов
   *[other] { $points } балла
}
studio-no-questions = Вопросов пока нет.
studio-question-kind = Тип вопроса
studio-add-question = Добавить вопрос
studio-question-title = Вопрос
studio-field-points = Баллы
studio-field-prompt = Текст вопроса
studio-field-feedback = Комментарий, отображаемый после попытки
studio-options = Варианты ответа
studio-options-single-hint = Отметьте ровно один правильный вариант. Пустые варианты не учитываются.
studio-options-multiple-hint = Отметьте все правильные варианты. Пустые варианты не учитываются.
studio-option-n = Вариант { $n }
studio-option-correct = Правильный
studio-option-text = Текст
studio-option-feedback = Комментарий при выборе этого варианта
studio-correct-answer = Правильный ответ
studio-field-tolerance = Допустимая погрешность
studio-field-tolerance-hint = Ответы, отличающиеся от правильного не более чем на это значение, засчитываются как верные, например 0,5.
studio-field-accepted = Допустимые ответы
studio-field-accepted-hint = По одному в строке. Регистр букв и лишние пробелы не учитываются.
studio-field-manual = Передавать остальные ответы фасилитатору для оценки
err-media_invalid = Выберите файл подходящего типа из файлов этого курса.
err-media_missing = Один из файлов, используемых в этом уроке, отсутствует или имеет неподходящий тип; выберите его снова.
err-video_missing = Выберите видеофайл или укажите ссылку на видео.
err-file_missing = Выберите файл для скачивания.
err-quiz_has_no_questions = Добавьте в тест хотя бы один вопрос.
err-quiz_pass_mark_unreachable = За вопросы не начисляются баллы, поэтому никто не сможет набрать проходной балл.
err-single_choice_needs_one_correct = Отметьте ровно один правильный вариант.
err-multiple_choice_needs_a_correct = Отметьте хотя бы один правильный вариант.
err-question_needs_two_options = Укажите не менее двух вариантов ответа.
err-short_text_needs_an_answer = Укажите хотя бы один допустимый ответ или включите передачу ответов фасилитатору.
err-pass_mark_invalid = Введите проходной балл от 1 до 100.
err-attempts_invalid = Введите количество попыток от 1 до 100 или оставьте поле пустым.
err-time_limit_invalid = Введите количество минут от 1 до 1440 или оставьте поле пустым.
err-too_many_questions = Тест может содержать не более 200 вопросов.
err-points_invalid = Введите целое число баллов от 0 до 1000.
err-too_many_options = Вопрос может содержать не более 10 вариантов ответа.
err-number_invalid = Введите число, например 12,5.
err-too_many_answers = Укажите не более 50 допустимых ответов.
err-url_invalid = Введите полный адрес, начинающийся с https://.

## Media
media-open = Файлы
media-title = Файлы
media-intro = Изображения, видео, субтитры и документы этого курса. Слушатели смогут открыть их после публикации курса; до тех пор они доступны только его авторам.
media-file = Файл для загрузки
media-allowed = Допустимые форматы: изображения PNG, JPEG, WebP и GIF; видео WebM и MP4; аудио MP3 и Ogg; PDF; ZIP; документы Word, Excel и PowerPoint; файлы OpenDocument; субтитры WebVTT; CSV и обычный текст.
media-limit = Не более { $mb } МБ на файл.
media-upload = Загрузить
media-files = Файлы этого курса
media-none = Файлов пока нет.
media-col-name = Название
media-col-type = Тип
media-col-size = Размер
media-col-actions = Действия
media-delete = Удалить
media-delete-named = Удалить { $name }
media-uploaded = Файл загружен.
media-deleted = Файл удалён.
media-in-use = Файл используется в уроке, на обложке или в опубликованной версии, поэтому он не удалён.
studio-field-package = Пакет SCORM
studio-package-hint = Сначала загрузите пакет на странице файлов курса.
package-title = Пакеты SCORM
package-intro = Загрузите пакет SCORM 1.2 или SCORM 2004 (zip-архив с imsmanifest.xml в корне) и выберите его в уроке типа «Интерактивный модуль».
package-file = Пакет (zip)
package-allowed = SCORM 1.2 и SCORM 2004 (3-е и 4-е издания).
package-upload = Загрузить пакет
package-none = Пакетов пока нет.
package-uploaded = Пакет загружен.
package-deleted = Пакет удалён.
package-in-use = Этот пакет используется уроком черновика или опубликованной версии, поэтому он сохранён.
package-refused = Этот пакет нельзя использовать; ничего из него не сохранено:
package-err-not_a_zip = Файл не является zip-архивом.
package-err-manifest_missing = В пакете нет imsmanifest.xml.
package-err-manifest_not_at_root = imsmanifest.xml должен лежать в корне архива, а не в папке.
package-err-schema_unknown = Манифест не относится ни к SCORM 1.2, ни к SCORM 2004.
package-err-path_outside = Путь указывает за пределы пакета.
package-err-too_large = Распакованный пакет превышает допустимый размер.
package-err-manifest_dtd = Манифест объявляет DTD (сущности запрещены).
package-err-file_missing = В пакете нет файла, указанного в манифесте.
package-err-nothing_to_launch = В пакете нечего запускать.
package-err-other = В манифесте ошибка.
media-err-not-allowed = Файлы этого типа не принимаются. Тип определяется по содержимому файла, а не по его имени.
media-err-empty = Файл пуст.
media-err-no-file = Выберите файл для загрузки.
media-err-bad-name = Имя файла должно содержать буквы или цифры.
media-size-bytes = { $n } байт
media-size-kb = { $n } КБ
media-size-mb = { $n } МБ

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = Вы записаны на курс
email-enrolled-body = Вы записаны на курс «{ $course }». Начинайте в любое удобное время: ваш прогресс сохраняется по мере прохождения.
email-enrolled-action = Открыть курс
nav-dashboard = Мое обучение
learn-enrolment = Запись на курс
learn-enrol = Записаться
learn-enrol-key = Ключ для записи
learn-enrol-key-hint = Этот ключ вам предоставит команда курса или ваша организация.
learn-sign-in-to-enrol = Войдите, чтобы записаться
learn-enrol-to-track = Запишитесь на курс, чтобы ваш прогресс сохранялся и вы могли проходить тесты курса.
learn-go-to-course = Перейти на страницу курса
learn-enrolled-on = Дата записи: { $date }
learn-progress = Ваш прогресс
learn-progress-value = { $total ->
    [one] Пройдено { $percent } %: { $done } из { $total } урока
   *[other] Пройдено { $percent } %: { $done } из { $total } уроков
}
learn-progress-percent = Пройдено { $percent } %
learn-module-progress = Пройдено { $percent } %
learn-continue = Продолжить
learn-start = Начать
learn-withdraw = Покинуть курс
learn-withdraw-hint = Если вы вернетесь, ваш прогресс сохранится.
learn-completed = Курс пройден
learn-completed-on = Вы прошли этот курс { $date }.
learn-lesson-done = Урок пройден
learn-mark-complete = Отметить как пройденный
learn-notice-enrolled = Вы записаны на курс. Ваш прогресс сохраняется по мере прохождения.
learn-notice-withdrawn = Вы покинули курс. Если вы вернетесь, ваш прогресс сохранится.
learn-notice-completed = Поздравляем! Вы прошли курс.
enrol-error-enrolment_key_required = Для записи на этот курс нужен ключ.
enrol-error-enrolment_key_wrong = Неверный ключ для записи. Проверьте его и попробуйте снова.
enrol-error-course_full = На этом курсе нет свободных мест.
enrol-error-enrolment_closed = Запись на этот курс сейчас закрыта.
enrol-error-enrolment_needs_cohort = Этот курс проводится для потоков слушателей: записаться можно будет, когда откроется набор в новый поток.
quiz-attempts-title = Ваши попытки
quiz-attempt = Попытка
quiz-score = Баллы
quiz-status = Статус
quiz-attempt-number = Попытка { $number }
quiz-attempt-score = { $max ->
    [one] { $points } из { $max } балла ({ $percent } %)
   *[other] { $points } из { $max } баллов ({ $percent } %)
}
quiz-attempt-open = Выполняется
quiz-attempt-expired = Не отправлена вовремя
quiz-attempt-pending = Ожидает оценки фасилитатора
quiz-attempt-passed = Зачтено
quiz-attempt-failed = Не зачтено
quiz-counted = Учитывается
quiz-policy-best = Учитывается ваша лучшая попытка.
quiz-policy-last = Учитывается ваша последняя попытка.
quiz-start = Начать попытку
quiz-resume = Продолжить попытку
quiz-attempts-left = { $count ->
    [one] Осталась { $count } попытка
    [few] Осталось { $count } попытки
    [many] Осталось { $count } попыток
   *[other] Осталось { $count } попытки
}
quiz-no-attempts-left = Вы использовали все попытки для этого теста.
quiz-passed = Вы успешно прошли этот тест.
quiz-time-left = { $minutes ->
    [one] Отправьте ответы в течение { $minutes } минуты (до { $time } UTC).
   *[other] Отправьте ответы в течение { $minutes } минут (до { $time } UTC).
}
quiz-points = { $count ->
    [one] { $count } балл
    [few] { $count } балла
    [many] { $count } баллов
   *[other] { $count } балла
}
quiz-choose-all = Выберите все подходящие ответы.
quiz-numeric-hint = Число; для отделения дробной части используйте точку или запятую.
quiz-your-answer = Ваш ответ
quiz-submit = Отправить ответы
quiz-result = Ваш результат
quiz-outcome-correct = Верно
quiz-outcome-incorrect = Неверно
quiz-outcome-unanswered = Нет ответа
quiz-outcome-pending = Этот ответ оценит фасилитатор
quiz-error-time_over = Время для этой попытки истекло. Ответы, отправленные после истечения времени, не сохраняются.
quiz-error-bad_answers = Некоторые ответы не относятся к этому тесту. Обновите страницу и попробуйте снова.
quiz-back-to-lesson = Вернуться к уроку
dashboard-title = Мое обучение
dashboard-in-progress = В процессе
dashboard-completed = Пройденные
dashboard-empty = Вы пока не записаны ни на один курс.
dashboard-browse = Посмотреть курсы
dashboard-archived = Этот курс больше не проводится.

## Cohorts and waitlists
email-waitlisted-subject = Вы в листе ожидания на курс
email-waitlisted-body = В потоке «{ $cohort }» курса «{ $course }» нет свободных мест, поэтому вы включены в лист ожидания. Если место освободится, мы сообщим вам по электронной почте и на некоторое время закрепим его за вами.
email-offered-subject = Для вас освободилось место: подтвердите его
email-offered-body = Для вас освободилось место в потоке «{ $cohort }» курса «{ $course }». Подтвердите его до { $deadline } (UTC), иначе оно перейдет следующему человеку в листе ожидания.
email-offered-action = Подтвердить место
enrol-error-cohort_closed = Запись в этот поток не открыта.
enrol-error-enrollment_removed = Координатор исключил вас из этого курса. Если вы считаете, что это ошибка, свяжитесь с ним.
enrol-error-no_offer = За вами не закреплено ни одного места: срок предложения истек или оно уже принято.
cohort-none = Сейчас нет потоков, открытых для записи.
cohort-dates = С { $start } по { $end }
cohort-full = Мест нет: запишитесь в лист ожидания
cohort-places-left = { $count ->
    [one] Осталось { $count } место
    [few] Осталось { $count } места
    [many] Осталось { $count } мест
   *[other] Осталось { $count } места
}
cohort-join-waitlist = Записаться в лист ожидания
cohort-waitlisted = Вы в листе ожидания потока «{ $cohort }». Если место освободится, мы сообщим вам по электронной почте.
cohort-offered = За вами закреплено место в потоке «{ $cohort }» до { $deadline } (UTC). Подтвердите его, иначе оно перейдет следующему человеку.
cohort-confirm = Подтвердить место
cohort-decline = Отказаться от места
cohort-leave-waitlist = Выйти из листа ожидания
dashboard-waitlisted = В листе ожидания
dashboard-offered = Место ожидает вашего подтверждения

## Live sessions and attendance
email-session_reminder-subject = Напоминание: скоро занятие в реальном времени
email-session_reminder-body = Занятие «{ $session }» курса «{ $course }» начнется { $when }.
session-venue = Место проведения
session-link = Ссылка для подключения
# In emails, before the venue or the link (with the space that follows, if any).
session-venue-label = Место проведения:{" "}
session-link-label = Ссылка для подключения:{" "}
sessions-title = Занятия в реальном времени
sessions-add-to-calendar = Добавить в мой календарь
sessions-facilitated = Занятия, которые вы проводите как фасилитатор
sessions-take-attendance = Отметить посещаемость
calendar-feed = Ваша подписка на календарь
calendar-feed-hint = Подпишитесь на этот адрес в своем приложении-календаре, чтобы видеть в нем свои занятия в реальном времени. Никому не сообщайте этот адрес.
attendance-title = Посещаемость
attendance-present = Присутствует
attendance-absent = Отсутствует
attendance-excused = Отсутствует по уважительной причине
attendance-save = Сохранить посещаемость
attendance-saved = Посещаемость сохранена.
attendance-nobody = В этом потоке пока нет слушателей.

## Studio: cohorts and enrolment
studio-cohorts-open = Потоки и запись
studio-cohorts-title = Потоки и запись
studio-enrolment-settings = Кто может записаться
studio-partners = Организации-партнёры
studio-partners-hint = Организация-партнёр, получившая здесь места, может записывать своих сотрудников из файла, даже если курс открыт не для всех. Уже записанные остаются на курсе, если места отозваны.
studio-partners-organisation = Организация
studio-partners-places = Места
studio-partners-places-hint = Оставьте пустым, чтобы не ограничивать.
studio-partners-unlimited = без ограничений
studio-partners-grant = Выделить места
studio-partners-withdraw = Отозвать
studio-enrolment-mode = Запись на курс
studio-enrolment-open = Открыта для всех, кто вошел в систему
studio-enrolment-key = По ключу для записи
studio-enrolment-closed = Закрыта
studio-enrolment-cap = Максимальное число слушателей одновременно (оставьте поле пустым, чтобы не устанавливать ограничение)
studio-grade-policy = Какая попытка теста учитывается
studio-attendance-percent = Посещаемость, необходимая для завершения курса (%)
studio-attendance-percent-hint = Доля занятий в реальном времени своего потока, которые должен посетить слушатель; занятия, пропущенные им по уважительной причине, не учитываются. Оставьте поле пустым, чтобы не применять это правило.
studio-save = Сохранить
studio-cohorts-list = Потоки
studio-cohorts-none = Потоков пока нет.
studio-cohort-new = Новый поток
studio-cohort-create = Создать поток
studio-cohort-settings = Настройки потока
studio-cohort-name = Название
studio-cohort-dates = Даты
studio-cohort-places = Занято мест
studio-cohort-language = Язык обучения
studio-cohort-starts_on = Дата начала
studio-cohort-ends_on = Дата окончания
studio-cohort-opens_on = Начало записи (если пусто — сразу)
studio-cohort-closes_on = Окончание записи (если пусто — с началом потока)
studio-cohort-capacity = Количество мест
studio-cohort-capacity-hint = Когда места закончатся, слушатели будут попадать в лист ожидания. Оставьте поле пустым, чтобы не устанавливать ограничение.
studio-cohort-confirm-hours = Срок подтверждения места, предложенного из листа ожидания (в часах)
studio-cohort-facilitators = Фасилитаторы
studio-cohort-facilitators-hint = Их адреса электронной почты через запятую. У них должна быть учетная запись.
studio-roster = Слушатели
studio-roster-name = Слушатель
studio-roster-status = Статус
studio-roster-progress = Прогресс
studio-roster-remove = Исключить
studio-roster-message = Сообщение (сохраняется в истории)
studio-roster-csv = Скачать список (CSV)
studio-session-new = Новое занятие
studio-session-title = Название
studio-session-time-zone = Часовой пояс места проведения
studio-session-time-zone-hint = Например, Africa/Nairobi, Europe/Paris или America/Bogota. Ниже указывается местное время в этом часовом поясе.
studio-session-starts = Начало
studio-session-ends = Окончание
studio-session-lesson = Соответствующий урок типа «Занятие в реальном времени»
studio-session-no-lesson = Нет
studio-session-add = Добавить занятие
enrollment-status-active = Активна
enrollment-status-completed = Завершена
enrollment-status-withdrawn = Отменена слушателем
enrollment-status-removed = Отменена координатором
enrollment-status-waitlisted = В листе ожидания
enrollment-status-offered = Место предложено
err-required = Обязательное поле.
err-places_invalid = Укажите целое число мест от 1 до 100 000 или оставьте поле пустым, чтобы не ограничивать.
err-too_long = Слишком длинный текст.
err-not_a_course_language = Выберите один из языков курса.
err-before_start = Должно быть позже начала.
err-before_opening = Должно быть позже открытия записи.
err-after_end = Должно быть раньше окончания.
err-out_of_range = Значение вне допустимого диапазона.
err-not_a_date_time = Неверная дата или время.
err-unknown_time_zone = Укажите существующий часовой пояс, например Africa/Nairobi.
err-not_https = Адрес должен начинаться с https://.
err-venue_or_link_required = Укажите место проведения, ссылку для подключения или и то и другое.
err-not_a_live_lesson = В этом курсе нет такого урока типа «Занятие в реальном времени».
err-unknown_value = Выберите один из предложенных вариантов.
err-unknown_email = Нет учетной записи с этим адресом электронной почты.

## Bulk enrolment
email-invited-subject = Приглашение на курс
email-invited-body = Вы записаны на курс «{ $course }» на платформе { $site }. Выберите пароль, чтобы войти и начать обучение.
email-invited-action = Выбрать пароль
email-invited-expiry = Ссылка действует один раз в течение 14 дней.
bulk-title = Запись на курс из файла
bulk-help = Загрузите файл CSV со строкой заголовков: столбцы email, name и country (двухбуквенный код страны) обязательны для всех, а столбец language (ar, zh, en, fr, ru или es) — по желанию. Те, у кого уже есть учетная запись, будут записаны на курс; для остальных будет создана учетная запись, и они получат письмо с предложением выбрать пароль. Максимальное число строк: { $max }.
bulk-cohort = Поток
bulk-file = Файл CSV
bulk-submit = Записать
bulk-summary = Принято: { $accepted }, отклонено: { $rejected }.
bulk-results = Результаты по строкам
bulk-line = Строка
bulk-email = Электронная почта
bulk-result = Результат
bulk-result-enrolled = Записан на курс
bulk-result-waitlisted = В листе ожидания
bulk-result-invited = Приглашен (новая учетная запись)
bulk-result-already_enrolled = Уже записан на курс
bulk-result-rejected = Отклонено
bulk-file-refused = Файл не использован, никаких изменений не внесено:
bulk-error-no_file = Выберите файл для загрузки.
bulk-error-not_utf8 = Файл не является текстом в кодировке UTF-8. Сохраните его из своей электронной таблицы в формате «CSV UTF-8».
bulk-error-missing_column = В строке заголовков нет столбца «{ $at }».
bulk-error-unknown_column = В строке заголовков есть столбец, который эта страница не распознает: «{ $at }».
bulk-error-malformed = Не удается прочитать файл как CSV (ошибка около строки { $at }).
bulk-error-no_rows = В файле есть строка заголовков, но нет строк с данными.
bulk-error-too_many_rows = Число строк в файле превышает { $at }: разделите его на несколько файлов.

## Grading
grading-title = Ответы на проверку
grading-none = Нет ответов, ожидающих проверки.
grading-answer = Ответ слушателя
grading-accepted = Ответы, принятые автором
grading-save = Сохранить оценки
grading-saved = Оценки сохранены.

## Applications
email-accepted-subject = Ваша заявка одобрена
email-accepted-body = Ваша заявка на курс «{ $course }» одобрена: можно начинать обучение.
email-accepted-waitlisted = Ваша заявка на курс «{ $course }» одобрена. Сейчас в потоке нет свободных мест, поэтому вы включены в его лист ожидания; когда место освободится, мы сообщим вам по электронной почте.
email-declined-subject = Ваша заявка не одобрена
email-declined-body = На этот раз ваша заявка на курс «{ $course }» не одобрена.
application-intro = Для участия в этом курсе нужно подать заявку: ответьте на вопросы ниже, и команда курса пришлет вам ответ по электронной почте.
application-submit = Подать заявку
application-pending = Ваша заявка рассматривается командой курса. Ответ вы получите по электронной почте.
application-withdraw = Отозвать заявку
enrol-error-answers_required = Чтобы подать заявку, ответьте на все вопросы.
studio-enrolment-application = По заявке (вопросы ниже)
studio-screening-questions = Вопросы для кандидатов
studio-screening-questions-hint = По одному на строку, на языке курса по умолчанию.
studio-applications = Заявки
studio-decision-message = Сообщение кандидату (необязательно)
studio-accept = Одобрить
studio-decline = Отклонить
enrollment-status-applied = Заявка подана
enrollment-status-declined = Заявка отклонена

## Certificates
certs-title = Мои сертификаты
certs-empty = У вас пока нет сертификатов. Пройдите курс, чтобы получить сертификат.
certs-held-email_unconfirmed = Этот сертификат ждёт подтверждения вашего адреса электронной почты. Подтвердите его по ссылке из нашего письма, и сертификат будет выдан сразу.
certs-resend = Отправить письмо с подтверждением ещё раз
certs-open = Открыть и поделиться
cert-title = Сертификат
cert-status-valid = Действителен. Сертификат выдан { $site }.
cert-status-revoked = Отозван { $date }. Этот сертификат больше не действителен.
cert-revoked-reason = Причина: { $reason }
cert-number = Номер
cert-awarded-to = Выдан
cert-kind = Вид
cert-kind-completion = Сертификат о прохождении курса
cert-kind-participation = Сертификат об участии
cert-course = Курс
cert-completed-on = Дата завершения
cert-duration = Продолжительность
cert-hours = { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
cert-issued-by = Кем выдан
cert-issued-on = Дата выдачи
cert-address = Адрес для проверки
cert-revision = Редакция { $revision }
cert-revoke = Отозвать сертификат
cert-revoke-reason = Причина (будет показана на этой странице и отправлена слушателю)
cert-revoke-button = Отозвать
cert-earned = Сертификат { $number }
certificate-revoked = Сертификат отозван.
email-certificate_issued-subject = Ваш сертификат готов
email-certificate_issued-body = Поздравляем с прохождением курса «{ $course }». Ваш сертификат { $number } готов; любой может проверить его по его адресу.
email-certificate_issued-action = Открыть сертификат
email-certificate_issued-all = Все ваши сертификаты:
email-certificate_revoked-subject = Ваш сертификат отозван
email-certificate_revoked-body = Ваш сертификат { $number } за курс «{ $course }» отозван. Причина: { $reason }
email-certificate_revoked-action = Страница сертификата
err-reason_invalid = Укажите причину не длиннее 1000 символов.
err-name_invalid = Укажите имя не длиннее 200 символов.

## Certificates as PDF
pdf-presented = Настоящим удостоверяется, что
pdf-reason-completion = успешно прошёл(-ла) курс
pdf-reason-participation = принял(-а) участие в курсе
pdf-completed-on = Дата завершения: { $date }
pdf-duration = Продолжительность: { $duration }
pdf-number = Номер сертификата
pdf-verify = Проверить по адресу
pdf-date = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
cert-download = Скачать сертификат (PDF)
cert-share = Поделиться
cert-linkedin = Добавить в профиль LinkedIn
cert-pdf-languages = PDF на другом языке:
cert-revoked-pdf = Этот сертификат отозван { $date }; его PDF больше не выдаётся.
cert-credential = Скачать цифровое удостоверение (Open Badges 3.0)
cert-credential-hint = Подписанное цифровое удостоверение: добавьте его в кошелёк или передайте работодателю; любой может проверить его без учётной записи.

## Certificates: verification by number, administrators
verify-title = Проверить сертификат
verify-intro = Введите номер, напечатанный на сертификате (например, KZ-2026-000123), чтобы узнать, действителен ли он и кому выдан.
verify-number = Номер сертификата
verify-button = Проверить
verify-missing = Сертификата с номером { $number } нет. Проверьте номер и попробуйте ещё раз.
admin-certs-title = Сертификаты
admin-certs-count = { $count ->
    [one] { $count } сертификат
    [few] { $count } сертификата
   *[many] { $count } сертификатов
}
admin-certs-course = Курс (id)
admin-certs-cohort = Группа (id)
admin-certs-status = Статус
admin-certs-from = Завершён с
admin-certs-to = Завершён до
admin-certs-any = Все
admin-certs-apply = Применить
admin-certs-csv = Скачать в CSV
cert-status-name-held = Ожидает
cert-status-name-issued = Выдан
cert-status-name-revoked = Отозван
cert-correct = Исправить имя
cert-correct-name = Имя в правильном написании (номер сохраняется, выдаётся новая редакция)
cert-correct-button = Исправить и выдать заново
certificate-revised = Имя исправлено: выдана новая редакция сертификата.
certificate-issued = Сертификат выдан.
admin-records = Курсы и сертификаты
admin-records-none = Нет курсов, за которые выдаётся сертификат.
admin-issue-reason = Выдать сертификат вручную: где и как был пройден курс (сохраняется в журнале аудита)
admin-issue-button = Выдать сертификат
nav-admin-certificates = Сертификаты
footer-verify = Проверить сертификат
studio-min-score = Итоговый балл для сертификата (%)
studio-min-score-hint = Доля баллов за тесты курса, которую должен набрать слушатель; сертификат ждёт, пока он её не наберёт (тесты можно пересдать, если они это допускают). Снижение порога выдаёт ожидающие сертификаты. Оставьте пустым, чтобы не задавать это условие.
certs-held-score_below_minimum = Ваш сертификат ждёт, пока итоговый балл не достигнет минимума курса (сейчас { $score }%). Пересдайте тесты курса, где это возможно.
cert-final-score = Итоговый балл: { $score }%

## End-of-training reports
report-title = Отчёт об окончании обучения
report-intro = Когда обучение закончится, подайте отчёт: администратор его утверждает, и ожидающие сертификаты выдаются сразу.
report-filed-on = Подан { $date }; ожидает утверждения администратором. Его ещё можно изменить.
report-validated-on = Утверждён { $date }. Ожидавшие его сертификаты выданы.
report-validate-hint = Проверьте отчёт: утверждение выдаёт ожидающие сертификаты, и отчёт больше не меняется.
report-validate = Утвердить отчёт
report-starts = Начало обучения
report-ends = Окончание обучения
report-facilitators = Ведущие
report-participants = Участники
report-attendance = Сводка посещаемости
report-outcomes = Результаты
report-remarks = Примечания (необязательно)
report-file = Подать отчёт
report-held = Ожидающие сертификаты
report-held-none = Ни один сертификат этой группы не ожидает.
held-reason-email_unconfirmed = адрес электронной почты не подтверждён
held-reason-score_below_minimum = итоговый балл ниже минимума курса
held-reason-report_pending = ожидается отчёт об окончании обучения
certs-held-report_pending = Ваш сертификат ожидает отчёта об окончании обучения вашей группы: он будет выдан, как только администратор его утвердит.
report-filed = Отчёт подан.
report-validated = Отчёт утверждён, ожидавшие сертификаты выданы.
studio-needs-report = Сертификаты групп ожидают отчёта об окончании обучения
studio-needs-report-hint = Координатор каждой группы подаёт отчёт (даты, ведущие, участники, посещаемость, результаты); администратор его утверждает, и сертификаты группы выдаются.
studio-cohort-report = Отчёт об окончании обучения
studio-certificate-preview = Сертификат
studio-certificate-preview-hint = Образец сертификата этого курса на каждом из его языков, с именем, написанным письменностью этого языка (PDF).
error-503-title = Пока недоступно
error-503-body = Этот сервер пока не настроен для этого. Администраторы уведомлены; повторите попытку позже.

## Оформление сертификата: библиотека, выбор курса, одобрения
nav-admin-library = Библиотека сертификатов
nav-endorsements = Одобрения
library-title = Библиотека сертификатов
library-intro = Подписанты и логотипы, которые курсы могут размещать на своих сертификатах. Сертификаты сохраняют то, с чем были выданы: вывод элемента из использования затрагивает только сертификаты, выданные после этого.
library-signatories = Подписанты
library-logos = Логотипы
library-name = Имя
library-signatory-title = Должность
library-organisation = Организация
library-signature = Подпись (изображение)
library-signature-of = Подпись: { $name }
library-image-hint = PNG, JPEG или SVG, не более { $kb } КБ.
library-add-signatory = Добавить подписанта
library-add-logo = Добавить логотип
library-add = Добавить
library-logo-name = Название логотипа
library-logo-image = Изображение
library-logo-instance = Это собственный логотип платформы (в верхней части каждого сертификата)
library-instance-logo = Логотип платформы
library-make-instance = Сделать логотипом платформы
library-make-instance-named = Сделать «{ $name }» логотипом платформы
library-retire = Вывести из использования
library-retire-named = Вывести из использования: { $name }
library-retired = Выведен из использования
library-saved = Библиотека сертификатов сохранена.
design-title = Оформление сертификата
design-link = Выбрать подписантов и логотипы для сертификата
design-intro = Выберите из библиотеки платформы, кто подписывает сертификаты этого курса и какие логотипы партнёров на них размещаются. Они появятся на сертификатах, выдаваемых с этого момента; уже выданные сертификаты сохраняют прежние.
design-signatories = Подписанты (не более трёх, в указанном порядке)
design-signatory-n = Подписант { $n }
design-none = Нет
design-logos = Логотипы партнёров (не более { $max })
design-library-empty = В библиотеке их пока нет; их добавляет администратор в библиотеке сертификатов.
design-save = Сохранить оформление
design-saved = Оформление сертификата сохранено.
design-also = Также на сертификате
design-instance = Логотип и название платформы { $site }.
design-endorsed-by = Одобрено:
endorse-title = Одобрить этот курс
endorse-intro = Подайте заявку на одобрение этого курса от имени организации { $organisation }. После утверждения администратором на сертификатах, выдаваемых с этого момента, будут размещаться логотип и подписант вашей организации, а также её подписанное одобрение.
endorse-comment = Отзыв вашей организации о курсе (необязательно)
endorse-signatory = Подписант от вашей организации
endorse-logo = Логотип вашей организации
endorse-button = Подать заявку на одобрение
endorse-already-requested = Ваша организация подала заявку на одобрение этого курса; решение примет администратор.
endorse-already-approved = Ваша организация одобряет этот курс.
endorsement-requested = Заявка отправлена; решение примет администратор.
endorsement-decided = Одобрение обновлено.
endorsements-title = Одобрения
endorsements-intro = Одобрения курсов организациями-партнёрами. Отзыв одобрения затрагивает только сертификаты, выданные после этого.
endorsements-organisation = Организация
endorsement-status-requested = Запрошено
endorsement-status-approved = Утверждено
endorsement-status-declined = Отклонено
endorsement-status-withdrawn = Отозвано
endorsement-credential = Подписанное одобрение
endorsement-approve = Утвердить
endorsement-approve-named = Утвердить одобрение организации { $name }
endorsement-decline = Отклонить
endorsement-decline-named = Отклонить одобрение организации { $name }
endorsement-withdraw = Отозвать
endorsement-withdraw-named = Отозвать одобрение организации { $name }
cert-signatories = Подписали
cert-endorsed-by = Одобрено
err-field_required = Это поле обязательно для заполнения.
err-field_invalid = Используйте только печатаемые символы.
err-field_too_long = Слишком длинное значение.
err-image_too_large = Изображение слишком большое (не более 512 КБ).
err-image_invalid = Это не читаемое изображение PNG, JPEG или SVG.
err-image_required = Выберите изображение.
err-not_base64 = Это не base64.
err-too_many_signatories = Выберите не более трёх подписантов.
err-too_many_logos = Выберите не более четырёх логотипов.
err-chosen_twice = Один и тот же подписант или логотип выбран дважды.
err-not_in_library = Одного из них больше нет в библиотеке.
design-sample-names = Тот же сертификат с примером имени в каждой из шести письменностей (письменность имени может отличаться от языка сертификата):

## Organisations and their members
nav-organisation = Моя организация
org-kind-national_government = Национальное правительство
org-kind-local_government = Органы местного самоуправления
org-kind-un_system = Система Организации Объединенных Наций или межправительственная организация
org-kind-other = Другое
org-field-names = Название на других языках
org-field-names-hint = Отображается для пользователей, выбравших этот язык; если оставить поле языка пустым, будет отображаться название, указанное выше.
org-field-domains = Почтовые домены
org-field-domains-hint = По одному на строке, например nairobi.go.ke. Пользователи, чей подтверждённый адрес электронной почты относится к одному из этих доменов, становятся участниками без подтверждения координатором. Общедоступные почтовые сервисы указывать нельзя.
err-email_domain_invalid = Введите доменные имена, например nairobi.go.ke, по одному на строке.
err-email_domain_public = Общедоступный почтовый сервис не может быть доменом организации: адрес в нём может завести кто угодно.
err-email_domains_too_many = Введите не более 20 доменов.
members-title = Участники
members-intro = Пользователи, указавшие вашу организацию в своём профиле, ожидают здесь вашего подтверждения. Только подтверждённые участники отображаются вместе со своими курсами и учитываются в показателях вашей организации.
members-tabs = Участники по статусу
members-confirmed = Подтверждённые ({ $count })
members-pending = Ожидающие ({ $count })
members-confirmed-caption = Подтверждённые участники
members-pending-caption = Пользователи, ожидающие подтверждения
members-col-studying = В процессе
members-col-completed = Пройдено
members-col-certificates = Сертификаты
members-col-confirmed = Дата подтверждения
members-by-coordinator = координатором
members-by-administrator = администратором
members-by-invitation = записан организацией
members-by-domain = по адресу электронной почты
members-confirm = Подтвердить
members-decline = Отклонить
members-remove = Исключить
members-none = Подтверждённых участников пока нет.
members-none-pending = Никто не ожидает подтверждения.
member-confirmed = Участник подтверждён.
member-removed = Пользователь больше не является участником организации.
member-courses = Курсы
member-col-progress = Прогресс
member-col-certificate = Сертификат
member-enrolled-on = Дата записи: { $date }
member-no-courses = Курсов пока нет.
membership-pending = Ваша организация ещё не подтвердила ваше участие. До подтверждения вы не входите в число её участников.
membership-confirmed = Ваша организация подтвердила ваше участие.

## Reports
nav-reports = Отчеты
role-partner_viewer = Наблюдатель от партнера (просматривает отчеты своей организации)
reports-title = Отчет об обучении
reports-title-of = Отчет об обучении: { $organisation }
reports-intro = Кто участвовал в обучении и каких результатов достиг — по данным учета обучения. Малые значения не показываются, чтобы никого нельзя было идентифицировать.
report-from = Начало периода
report-to = Конец периода (включительно)
report-by = Группировать по
report-then = Затем по
report-measure = Показатель на диаграмме
report-organisation = Организация
report-course = Курс
report-course-format = Формат
report-language = Язык обучения
report-any = Все
report-nothing = Без группировки (одна строка)
report-show = Показать отчет
report-download-csv = Скачать в формате CSV
report-download-xlsx = Скачать в формате Excel (XLSX)
report-period = С { $from } по { $to }
report-note-small = <{ $threshold }: значение от 1 до { $threshold } минус один; не показано, чтобы никого нельзя было идентифицировать.
report-note-hidden = x: не показано, чтобы по итоговому значению или разности нельзя было вычислить малое значение.
report-note-source = Источник: { $site }, данные учета обучения.
report-total = Итого
report-everyone = Все
report-empty = За этот период ничего не учтено.
report-not-stated = Не указано
report-none = Нет
report-no-cohort = Вне потока
report-no-organisation = Нет подтвержденной организации
report-group-ldc = Наименее развитые страны
report-group-lldc = Развивающиеся страны, не имеющие выхода к морю
report-group-sids = Малые островные развивающиеся государства
report-group-other = Другие страны
report-age-under_25 = Моложе 25 лет
report-age-25_34 = От 25 до 34 лет
report-age-35_44 = От 35 до 44 лет
report-age-45_54 = От 45 до 54 лет
report-age-55_64 = От 55 до 64 лет
report-age-65_plus = 65 лет и старше
report-by-course = Курс
report-by-cohort = Поток
report-by-format = Формат
report-by-language = Язык обучения
report-by-month = Месяц
report-by-quarter = Квартал
report-by-year = Год
report-by-country = Страна или район
report-by-region = Регион
report-by-sub_region = Субрегион
report-by-ldc = Наименее развитые страны
report-by-lldc = Развивающиеся страны, не имеющие выхода к морю
report-by-sids = Малые островные развивающиеся государства
report-by-gender = Пол
report-by-age_band = Возраст
report-by-organisation_kind = Тип организации
report-by-organisation = Организация
report-measure-enrolments = Записи на курсы
report-measure-active_learners = Активные слушатели
report-measure-completions = Пройденные курсы
report-measure-completion_rate = Доля прошедших курс
report-measure-certificates = Выданные сертификаты
report-measure-average_score = Средний итоговый балл (%)
report-measure-median_days = Медианное число дней до прохождения курса
report-measure-attendance_rate = Уровень посещаемости
report-chart-title = { $measure } в разбивке по признаку «{ $by }»
report-chart-desc = По одной полосе на каждую группу; в таблице ниже приведены те же данные. Слишком малые значения на диаграмме не показаны.
err-not_a_date = Введите дату в формате ГГГГ-ММ-ДД.
err-period_backwards = Дата окончания предшествует дате начала.
err-period_too_long = Выберите период продолжительностью не более 20 лет.
err-grouping_unknown = Выберите группировку из списка.
err-grouping_needs_by = Сначала выберите первую группировку, затем вторую.
err-grouping_repeated = Выберите две разные группировки.
err-measure_unknown = Выберите показатель из списка.
err-format_unknown = Выберите формат из списка.

## The agency's dashboard
nav-admin-dashboard = Информационная панель
dashboard-agency-title = Информационная панель учреждения
dashboard-agency-intro = С начала года (с { $from } по { $to }) в сравнении с тем же периодом прошлого года (с { $last_from } по { $last_to }).
dashboard-agency-headline = Кого охватило учреждение
dashboard-this-year = Текущий год
dashboard-last-year = Прошлый год
dashboard-learners = Охваченные слушатели
dashboard-countries = Страны и районы
dashboard-ldc_share = Доля в наименее развитых странах
dashboard-women_share = Доля женщин
dashboard-completions = Пройденные курсы
dashboard-certificates = Выданные сертификаты
dashboard-by-theme = По темам
dashboard-by-sdg = По целям в области устойчивого развития
dashboard-col-theme = Тема
dashboard-col-sdg = Цель
dashboard-chart-title = Записи на курсы — { $by }: текущий год (толстые полосы) и прошлый год (тонкие полосы)
dashboard-chart-desc = По паре полос на каждую группу; в таблице ниже приведены данные. Слишком малые значения на диаграмме не показаны.
dashboard-facets-note = Курс может относиться к нескольким темам и целям, поэтому сумма этих строк не совпадает с итоговыми значениями выше.
dashboard-note-shares = Доли рассчитаны от числа слушателей, указавших свою страну или пол; x обозначает долю, которая не показана, поскольку по ней можно было бы вычислить малое значение.
dashboard-more = Подробнее — в отчете об обучении

## Use of the content
report-usage = Использование материалов
report-usage-by-month = Просмотры и загрузки по месяцам
report-usage-by-language = Просмотры по языковым версиям курсов
report-usage-language = Языковая версия
report-usage-course-views = Просмотры страниц курсов
report-usage-lesson-views = Просмотры уроков
report-usage-downloads = Загрузки файлов
report-usage-none = За этот период не учтено ни одного просмотра или загрузки.

## Scheduled reports
subscriptions-title = Отчёты по расписанию
subscriptions-intro = Получайте этот отчёт по электронной почте на вашем языке после каждой недели (с понедельника по воскресенье) или каждого месяца.
subscriptions-frequency = Периодичность
subscriptions-weekly = Каждую неделю
subscriptions-monthly = Каждый месяц
subscriptions-subscribe = Присылать мне этот отчёт
subscriptions-none = У вас нет отчётов по расписанию.
subscriptions-stop = Отменить
subscription-saved = Отчёт будет приходить вам по электронной почте после каждого периода.
subscription-ended = Этот отчёт больше не будет приходить вам по электронной почте.
err-frequency_unknown = Выберите «каждую неделю» или «каждый месяц».
email-report-subject = { $title }
email-report-body = { $title }, { $period }:
email-report-page = Откройте его с диаграммой:
email-report-manage = Отменить или изменить отчёты по расписанию:

## Providers
org-field-provider = Проводит курсы
org-field-provider-hint = Поставщик (учебный центр, университет) проводит курсы на этом портале: его курсы несут его название в каталоге, на странице курса и в сертификатах, а его координаторы ведут их группы.
err-organisation_provides_courses = Некоторые курсы указывают эту организацию как поставщика: сначала назначьте им другого поставщика.
err-organisation_not_provider = Выберите поставщика из списка.
studio-field-provider = Поставщик
studio-field-provider-hint = Организация, которая проводит курс. Она сразу отображается в каталоге, на странице курса и в новых сертификатах, без повторной публикации; её координаторы ведут группы курса.
studio-no-provider = Нет (эта платформа)
catalog-provider = Поставщик
course-provided-by = Проводит
cert-provided-by = Проводит
pdf-provided-by = Проводит { $provider }
report-provider = Поставщик
report-no-provider = Без поставщика
report-by-provider = Поставщик
members-provided = Курсы, которые она проводит
members-provided-intro = Откройте курс, чтобы вести его группы.
members-provided-report = Открыть отчёт по этим курсам

# Surveys
err-too_many_survey_questions = В анкете не более 100 вопросов.
survey-title-evaluation = Оценка курса
eval-intro = Расскажите, что вы думаете о курсе. Ответы сохраняются постранично; до отправки можно уйти и вернуться.
eval-page-of = Страница { $page } из { $pages }
eval-required = обязательно
eval-optional = необязательно
eval-submit = Отправить оценку
eval-next = Следующая страница
eval-back = Предыдущая страница
eval-save = Сохранить и закончить позже
eval-thanks = Спасибо: ваша оценка курса отправлена.
eval-offer = Как вам курс? Ваша оценка помогает его улучшить.
eval-open = Оценить курс
eval-notice-submitted = Спасибо: ваша оценка отправлена.
eval-notice-saved = Ваши ответы сохранены. Вернитесь, чтобы закончить, когда удобно.
eval-kind-likert = Шкала согласия
eval-kind-single = Один вариант
eval-kind-multiple = Несколько вариантов
eval-kind-rating = Оценка от 0 до 10
eval-kind-number = Число
eval-kind-short_text = Короткий текст
eval-kind-long_text = Длинный текст
studio-evaluation-open = Оценка курса
eval-studio-title = Оценка курса
survey-studio-intro-evaluation = Оценка предлагается слушателям сразу после завершения курса. Она начинается со стандартных вопросов банка, сопоставимых между курсами; добавьте вопросы курса.
eval-studio-state = Опубликованная форма и ответы
eval-studio-version = Опубликована версия { $version }
eval-studio-responses = начато: { $started }, отправлено: { $submitted }
eval-studio-changed = В черновике ниже есть изменения, которых слушатели ещё не видят. Начатые ответы остаются на своей версии.
eval-studio-publish = Опубликовать изменения
eval-studio-required = Выдавать сертификат только после отправки оценки
eval-studio-required-hint = Сертификаты ждут, слушатель видит причину; отключение выдаёт ожидавшие.
eval-studio-draft = Черновик
eval-studio-from-bank = стандартный вопрос
eval-studio-up = Выше
eval-studio-down = Ниже
eval-studio-make-optional = Сделать необязательным
eval-studio-make-required = Сделать обязательным
eval-studio-remove = Удалить
eval-studio-remove-section = Удалить пустую страницу
eval-studio-add = Добавить собственный вопрос курса
eval-studio-section = Страница
eval-studio-kind = Тип ответа
eval-studio-text = Вопрос
eval-studio-options = Варианты
eval-studio-options-hint = По одному в строке: варианты; подписи шкалы от низшей к высшей; две подписи концов оценки (необязательно).
eval-studio-min = Наименьшее допустимое число (только для чисел)
eval-studio-max = Наибольшее допустимое число (только для чисел)
eval-studio-add-button = Добавить в черновик
eval-studio-bank = Добавить вопрос из банка
eval-studio-bank-question = Вопрос из банка
eval-studio-add-section = Добавить страницу
eval-studio-section-title = Заголовок страницы
certs-held-evaluation_pending = Сертификат будет выдан, как только вы отправите оценку курса.
held-reason-evaluation_pending = ожидает оценки курса слушателем
err-question_unknown = Это не вопрос этой анкеты.
err-question_not_on_page = Этот вопрос на другой странице.
err-answer_invalid = Выберите один из предложенных ответов.
err-answer_out_of_range = Укажите число в требуемом диапазоне.
err-answer_too_long = Ответ слишком длинный.
err-answer_required = Ответьте на этот вопрос.
err-page_unknown = Такой страницы нет в форме.
err-sections_missing = В форме должна быть хотя бы одна страница.
err-too_many_sections = В форме не более 20 страниц.
err-question_id_repeated = У двух вопросов одинаковый идентификатор.
err-question_id_invalid = Собственный вопрос анкеты имеет идентификатор q1, q2…
err-bank_question_unknown = Этого вопроса нет в банке.
err-options_invalid = Укажите от 2 до 12 вариантов, от 2 до 11 подписей шкалы или две подписи оценки; другим типам они не нужны.
err-bounds_invalid = Укажите числа, наименьшее не больше наибольшего (только для чисел).
results-title-evaluation = Оценки курсов
results-title-evaluation-of = Оценка курса «{ $course }»
results-question = Вопрос
results-answer = Ответ
results-respondents = Респонденты
results-answered = Ответили
results-answered-count = Ответили: { $count }
results-mean = Среднее
results-nps = Индекс потребительской лояльности (NPS)
results-rates-evaluation = Предложено { $invited } завершившим; начато: { $started }, отправлено: { $submitted }.
results-note-small = <{ $threshold }: группа менее чем из { $threshold } респондентов; её данные не показываются.
results-figures = Данные
results-texts = Ответы в свободной форме
results-texts-anonymous = Ответы показаны без имён: анкета анонимная.
results-texts-named = Анкета не анонимная: ответы показаны с именем респондента.
results-no-texts = Ответов пока нет.
err-grouping_not_offered = Результаты группируются только по одному признаку.
eval-studio-results = Посмотреть результаты
eval-studio-anonymous = Анонимно: ответы в свободной форме читаются без имени
eval-anonymous = Ваши ответы читаются без вашего имени.
eval-named = Редакторы курса видят ваши ответы с вашим именем.
survey-title-follow_up = Последующий опрос по курсу
follow-up-intro = Спустя несколько месяцев после курса: удалось ли применить полученные знания? Ответы сохраняются постранично.
survey-thanks-evaluation = Спасибо: ваша оценка курса отправлена.
survey-thanks-follow_up = Спасибо: ваши ответы отправлены. Ссылка больше не нужна.
survey-link-invalid-title = Ссылка не работает
survey-link-invalid = Ссылка неполная или изменена. Откройте её снова из письма; ничего не сохранено.
survey-link-expired-title = Срок действия ссылки истёк
survey-link-expired = Срок ответа на эти вопросы истёк; ничего не сохранено. Всё равно спасибо.
survey-studio-title-evaluation = Оценка курса
survey-studio-title-follow_up = Последующий опрос по курсу
survey-studio-intro-follow_up = Через несколько месяцев после завершения курса каждый слушатель получает на своём языке письмо со ссылкой на эти вопросы (без входа в систему) и одно напоминание через две недели. Опрос начинается со стандартных вопросов банка.
follow-up-months = Месяцев после завершения
follow-up-months-hint = От 1 до 24; 0 — не отправлять.
err-months_invalid = Укажите целое число месяцев от 0 до 24.
err-not_an_evaluation = Только оценка курса может задерживать сертификат.
err-purpose_unknown = Выберите оценку или последующий опрос.
results-title-follow_up = Последующие опросы по курсам
results-title-follow_up-of = Последующий опрос по курсу «{ $course }»
results-rates-follow_up = Отправлено: { $invited }; начато: { $started }, отправлено ответов: { $submitted }.
studio-follow-up-open = Последующий опрос
email-survey_invitation-subject = Несколько вопросов о вашем курсе спустя несколько месяцев
email-survey_invitation-body = Несколько месяцев назад вы завершили курс «{ $course }». Расскажите за несколько минут, удалось ли применить полученные знания: ваши ответы помогают улучшить курс и показывают, что меняет обучение. Ссылка ниже открывает вопросы без входа в систему; она действует до { $expires }.
email-survey_reminder-subject = Напоминание: несколько вопросов о вашем курсе
email-survey_reminder-body = Нам по-прежнему интересно, как вы применяете знания, полученные на курсе «{ $course }». Ссылка ниже действует до { $expires }.
email-survey-action = Ответить на вопросы

# Needs assessments
nav-needs = Опросы о потребностях
needs-title = Оценка потребностей
needs-list-intro = Спросите сотрудников организации или широкую публику, чему им нужно научиться, прежде чем планировать обучение. Каждый опрос начинается со стандартных вопросов о потребностях; добавьте свои, опубликуйте опрос, чтобы открыть его, и читайте результаты по группам.
needs-survey-title = Название
needs-audience = Кто отвечает
needs-audience-members = Члены организации, вошедшие в систему (для опросов платформы — все вошедшие)
needs-audience-public = Любой, у кого есть ссылка, без входа в систему
needs-responses = Ответы
needs-instance = Вся платформа
needs-whose = Для
needs-new = Новая оценка потребностей
needs-create = Создать
needs-state-draft-short = Черновик
needs-state-open-short = Открыт
needs-state-closed-short = Закрыт
needs-state-draft = Черновик: опубликуйте опрос, чтобы открыть его для ответов.
needs-state-open = Открыт для ответов.
needs-state-closed = Закрыт: ответы больше не принимаются; результаты остаются доступными.
needs-share = Поделитесь этой ссылкой:
needs-close = Закрыть для ответов
needs-reopen = Открыть снова
needs-details = Название и аудитория
needs-for-you = Опросы для вас
needs-for-you-intro = Ваши ответы помогают планировать обучение, необходимое вашей организации.
needs-intro = Расскажите, чему вам нужно научиться, чтобы обучение планировалось с учётом этого. Ответы сохраняются постранично; вы можете уйти и вернуться до отправки.
needs-closed-notice = Этот опрос закрыт и больше не принимает ответы. Спасибо за интерес.
survey-title-needs = Оценка потребностей
survey-thanks-needs = Спасибо: ваши ответы отправлены.
survey-studio-title-needs = Оценка потребностей
survey-studio-intro-needs = Опрос начинается со стандартных вопросов банка о потребностях, сопоставимых между организациями; добавьте свои. Публикация открывает его для ответов; изменения, опубликованные позже, действуют только для новых ответов.
results-title-needs = Оценка потребностей
results-title-needs-of = Оценка потребностей: { $title }
results-rates-needs = Адресован { $invited } участникам; начато: { $started }, отправлено: { $submitted }.
results-rates-needs-public = Ответы по публичной ссылке: начато: { $started }, отправлено: { $submitted }.
err-survey_alone = Результаты опроса читаются отдельно: уберите курс, группу и поставщика.
err-survey_required = Выберите оценку потребностей для просмотра.
err-audience_unknown = Выберите членов организации или публику.
err-language_unknown = Выберите один из шести языков.
nav-admin-bank = Банк вопросов
bank-title = Банк вопросов для опросов
bank-intro = Любой опрос может использовать эти вопросы под тем же ключом, поэтому ответы сопоставимы между курсами и организациями. Стандартные вопросы открывают каждый опрос своего типа. Выведенный из употребления вопрос больше не предлагается; опросы, где он есть, сохраняют его.
bank-question = Вопрос
bank-key = Ключ
bank-key-hint = Строчные латинские буквы, цифры и _, начиная с буквы (если оставить пустым, ключ будет создан).
bank-standard = Стандартный в
bank-retired = Выведен
bank-retire = Вывести
bank-restore = Вернуть
bank-add = Добавить вопрос в банк
err-bank_key_invalid = Используйте строчные латинские буквы, цифры и _, начиная с буквы (не q с числом).
err-bank_key_taken = В банке уже есть вопрос с этим ключом.
email-needs_invitation-subject = Несколько вопросов: какое обучение вам нужно?
email-needs_invitation-body = Ваша организация спрашивает, чему вам нужно научиться, чтобы спланировать обучение: «{ $title }». Это займёт несколько минут; войдите в свою учётную запись, чтобы ответить.
needs-invite = Отправить участникам, которые ещё не ответили
needs-invite-hint = Каждый участник получает одно письмо на своём языке; повторная отправка дойдёт только до тех, кому письмо ещё не отправлялось.
needs-notice-invited = Приглашения отправляются.
eval-studio-change = Изменить
eval-studio-change-question = Изменить вопрос
eval-studio-cancel = Отмена
