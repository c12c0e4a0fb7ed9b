# Cadenas de la interfaz de Kuza: español.
# Este archivo define todos los mensajes del archivo de referencia en inglés (en/main.ftl).

## The shell
site-name = Kuza
site-tagline = Aprendizaje para ciudades y comunidades sostenibles
skip-to-content = Ir al contenido principal
nav-main = Menú principal
nav-home = Inicio
nav-profile = Mi perfil
nav-admin-users = Usuarios
nav-admin-organisations = Organizaciones
nav-sign-in = Iniciar sesión
nav-sign-up = Crear una cuenta
nav-sign-out = Cerrar sesión
nav-signed-in-as = Sesión iniciada como { $name }
language-label = Idioma
language-switch = Cambiar de idioma
footer-text = Kuza, una plataforma abierta de aprendizaje para la creación de capacidad.
footer-api = Documentación de la API
optional = opcional
required = obligatorio
save = Guardar
cancel = Cancelar
back-home = Volver a la página de inicio

## Home
home-title = Aprenda dondequiera que esté, en su idioma
home-intro = Cursos para funcionarios públicos, personal municipal, universidades e instituciones asociadas: a su propio ritmo, con facilitación o en modalidad mixta, en los seis idiomas oficiales de las Naciones Unidas.
home-welcome = Le damos la bienvenida, { $name }.
home-get-started = Cree una cuenta gratuita para inscribirse en cursos y obtener certificados.

## Fields
field-email = Dirección de correo electrónico
field-password = Contraseña
field-password-hint = Al menos { $min } caracteres. Evite las contraseñas comunes; unas cuantas palabras sin relación entre sí dan buen resultado.
field-display-name = Nombre completo
field-display-name-hint = Tal como debe figurar en sus certificados.
field-language = Idioma preferido
field-country = País
field-country-choose = Elija un país
field-organisation = Organización
field-organisation-none = Ninguna o no figura en la lista
field-gender = Género
field-birth-year = Año de nacimiento
field-demographics-legend = Acerca de usted (opcional)
field-demographics-purpose = Solo le pedimos estos datos para informar, de forma anónima, sobre la manera en que nuestros cursos llegan a mujeres y hombres de distintas edades. Puede omitir esta sección o elegir «Prefiero no decirlo».
gender-female = Mujer
gender-male = Hombre
gender-other = Otro género
gender-prefer_not_to_say = Prefiero no decirlo
gender-unspecified = No indicado

## Sign up and verification
sign-up-title = Crear una cuenta
sign-up-button = Crear mi cuenta
sign-up-have-account = ¿Ya tiene una cuenta?
sign-up-check-email-title = Revise su correo electrónico
sign-up-check-email = Hemos enviado un enlace a { $email }. Ábralo para confirmar su dirección.
verify-ok-title = Dirección confirmada
verify-ok-body = Gracias. Su dirección de correo electrónico ha quedado confirmada.
verify-failed-title = Este enlace no funciona
verify-failed-body = El enlace ha caducado o ya se ha utilizado. Inicie sesión y solicite uno nuevo desde su perfil.
verify-pending = Su dirección de correo electrónico aún no está confirmada.
verify-resend = Volver a enviar el enlace
verify-resent = Hemos enviado un nuevo enlace de confirmación a { $email }.

## Sign in
sign-in-title = Iniciar sesión
sign-in-button = Iniciar sesión
sign-in-forgot = ¿Olvidó su contraseña?
sign-in-no-account = ¿Es la primera vez que nos visita?
sign-in-failed = La dirección de correo electrónico o la contraseña no son correctas.
sign-in-throttled = { $minutes ->
    [one] Demasiados intentos. Espere { $minutes } minuto y vuelva a intentarlo.
   *[other] Demasiados intentos. Espere { $minutes } minutos y vuelva a intentarlo.
}
sign-in-disabled = Esta cuenta está desactivada. Póngase en contacto con los administradores.
signed-out = Ha cerrado la sesión.

## Password reset
forgot-title = Restablecer la contraseña
forgot-intro = Introduzca la dirección de correo electrónico de su cuenta y le enviaremos un enlace para elegir una nueva contraseña.
forgot-button = Enviar el enlace
forgot-sent = Si existe una cuenta con la dirección { $email }, se le ha enviado un enlace para restablecer la contraseña. El enlace funciona una sola vez y durante una hora.
reset-title = Elija una nueva contraseña
reset-button = Guardar la nueva contraseña
reset-done = Su contraseña se ha cambiado. Inicie sesión con la nueva contraseña.
reset-invalid-title = Este enlace no funciona
reset-invalid-body = Este enlace ya se utilizó o ha caducado. Solicite uno nuevo.
reset-ask-again = Solicitar un nuevo enlace
invite-title = Bienvenida: elija su contraseña
invite-intro = Elija una contraseña para terminar de crear su cuenta. Iniciará sesión con su dirección de correo electrónico y esta contraseña.
invite-button = Guardar mi contraseña
invite-done = Su cuenta está lista. Inicie sesión con su dirección de correo electrónico y su nueva contraseña.

## Profile
profile-title = Mi perfil
profile-saved = Su perfil se ha guardado.
profile-email = Dirección de correo electrónico: { $email }
password-change-title = Cambiar la contraseña
password-current = Contraseña actual
password-new = Nueva contraseña
password-change-button = Cambiar la contraseña
password-changed = Su contraseña se ha cambiado. Se ha cerrado su sesión en los demás dispositivos.

## Administration
admin-users-title = Usuarios
admin-users-search = Buscar por nombre o correo electrónico
admin-search-button = Buscar
admin-users-count = { $count ->
    [one] Un usuario
   *[other] { $count } usuarios
}
admin-col-name = Nombre
admin-col-email = Correo electrónico
admin-col-country = País
admin-col-roles = Funciones
admin-col-status = Estado
admin-col-organisation = Organización
admin-col-type = Tipo
admin-col-members = Miembros
admin-status-active = Activo
admin-status-disabled = Desactivado
admin-status-unverified = Sin confirmar
admin-edit = Editar
admin-user-title = Usuario: { $name }
admin-user-roles = Funciones
admin-user-roles-hint = Todos los usuarios son participantes. Los observadores asociados solo ven los informes de una organización.
admin-user-partner-org = Organización vinculada a la función de observador asociado
admin-user-active = Cuenta habilitada
admin-user-saved = El usuario se ha guardado.
admin-orgs-title = Organizaciones
admin-orgs-count = { $count ->
    [one] Una organización
   *[other] { $count } organizaciones
}
admin-org-new = Nueva organización
admin-org-edit-title = Organización: { $name }
admin-org-create = Crear la organización
admin-org-saved = La organización se ha guardado.
admin-none = Aún no hay elementos.
role-learner = Participante
role-author = Autor de cursos
role-facilitator = Facilitador
role-admin = Administrador
role-partner = Coordinador de organización asociada
org-field-name = Nombre
org-field-kind = Tipo
org-kind-academia = Mundo académico
org-kind-civil_society = Sociedad civil
org-kind-private_sector = Sector privado
pager-label = Páginas
pager-previous = Anterior
pager-next = Siguiente
pager-position = Página { $page } de { $pages }

## Form errors
form-has-errors = { $count ->
    [one] Corrija el error que se indica a continuación.
   *[other] Corrija los { $count } errores que se indican a continuación.
}
err-email_invalid = Introduzca una dirección de correo electrónico, por ejemplo nombre@example.org.
err-email_taken = Ya existe una cuenta con esta dirección de correo electrónico. Inicie sesión o restablezca su contraseña.
err-password_too_short = La contraseña debe tener al menos { $min } caracteres.
err-password_too_long = La contraseña puede tener como máximo { $max } caracteres.
err-password_too_common = Esta contraseña es demasiado común o fácil de adivinar. Pruebe con unas cuantas palabras sin relación entre sí.
err-password_wrong = La contraseña actual no es correcta.
err-display_name_invalid = Introduzca su nombre (100 caracteres como máximo).
err-language_invalid = Elija uno de los idiomas disponibles.
err-country_invalid = Elija un país de la lista.
err-gender_invalid = Elija una de las opciones disponibles.
err-birth_year_invalid = Introduzca un año de nacimiento, por ejemplo 1985, o deje el campo vacío.
err-organisation_unknown = Elija una organización de la lista.
err-organisation_name_invalid = Introduzca un nombre (200 caracteres como máximo).
err-organisation_name_taken = Ya existe una organización con este nombre.
err-organisation_kind_invalid = Elija un tipo de la lista.
err-partner_needs_organisation = Elija la organización cuyos informes puede consultar este observador asociado.

## Error pages
error-400-title = La solicitud contiene un error
error-400-body = Vuelva atrás e inténtelo de nuevo.
error-403-title = No tiene acceso a esta página
error-403-body = Si considera que debería tenerlo, pida a un administrador que le asigne la función adecuada.
error-404-title = Página no encontrada
error-404-body = Es posible que la página se haya trasladado o que la dirección contenga un error.
error-409-title = Esto no se puede hacer ahora
error-409-body = Es posible que la página esté desactualizada o que su solicitud ya no corresponda. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-413-title = Demasiado grande
error-413-body = Lo que ha enviado supera el tamaño que admite este sitio.
error-429-title = Demasiadas solicitudes
error-429-body = Espere un momento y vuelva a intentarlo.
error-500-title = Se ha producido un error en nuestro sistema
error-500-body = El problema ha quedado registrado. Si persiste, comunique esta referencia a los administradores: { $id }
error-csrf-title = Este formulario ha caducado
error-csrf-body = Por su seguridad, los formularios caducan. Vuelva atrás, recargue la página y envíe el formulario de nuevo.

## Emails
email-greeting = Hola, { $name }:
email-signature = El equipo de { $site }
email-verify-subject = Confirme su dirección de correo electrónico
email-verify-body = Le damos la bienvenida a { $site }. Confirme su dirección de correo electrónico para terminar de crear su cuenta.
email-verify-action = Confirmar mi dirección
email-verify-ignore = Si usted no ha creado ninguna cuenta, puede ignorar este mensaje.
email-reset-subject = Restablezca su contraseña
email-reset-body = Se ha solicitado restablecer la contraseña de su cuenta de { $site }.
email-reset-action = Elegir una nueva contraseña
email-reset-expiry = El enlace funciona una sola vez y durante una hora.
email-reset-ignore = Si no ha sido usted, ignore este mensaje: su contraseña seguirá siendo la misma.
email-registered-subject = Ya tiene una cuenta
email-registered-body = Alguien intentó crear una cuenta de { $site } con esta dirección de correo electrónico, que ya tiene una cuenta.
email-registered-sign-in = Iniciar sesión
email-registered-reset = ¿Olvidó su contraseña? Elija una nueva
email-registered-ignore = Si no fue usted, ignore este mensaje: nada ha cambiado.
email-link-fallback = Si el botón no funciona, copie esta dirección en su navegador:

## Courses
course-format = Modalidad
course-format-self_paced = A su propio ritmo
course-format-facilitated = En línea con facilitador
course-format-face_to_face = Presencial
course-format-blended = Semipresencial
course-level = Nivel
course-level-introductory = Introductorio
course-level-intermediate = Intermedio
course-level-advanced = Avanzado
course-duration = Duración estimada
course-hours = { $hours ->
    [one] Una hora
   *[other] { $hours } horas
}
course-languages = Disponible en
course-themes = Temas
course-syllabus = Programa
course-module-lessons = { $count ->
    [one] Una lección
   *[other] { $count } lecciones
}
course-version = Versión { $number }, publicada el { $date }
course-lesson-optional = Opcional
course-in-other-language = Aún no está disponible en su idioma; se muestra en { $language }.

## Catalog
nav-courses = Cursos
catalog-title = Cursos
catalog-search-label = Buscar cursos
catalog-search-button = Buscar
catalog-filters = Filtros
catalog-any = Todos
catalog-language = Idioma del curso
catalog-sdg = Objetivo de Desarrollo Sostenible
catalog-sdg-goal = ODS { $goal }
catalog-sort = Ordenar por
catalog-sort-default = Relevancia o, si no, más recientes
catalog-sort-relevance = Relevancia
catalog-sort-newest = Más recientes
catalog-sort-title = Título
catalog-sort-duration = Más cortos
catalog-apply = Aplicar filtros
catalog-clear = Borrar la búsqueda y los filtros
catalog-ignored = Algunos filtros no se entendieron y se omitieron.
catalog-count = { $count ->
    [0] No se encontró ningún curso
    [one] Se encontró un curso
   *[other] Se encontraron { $count } cursos
}
catalog-empty = Ningún curso publicado coincide. Pruebe con otras palabras o menos filtros.

## Studio
nav-studio = Estudio
studio-title = Mis cursos
studio-new-course = Nuevo curso
studio-none = Aún no tiene cursos.
studio-col-title = Curso
studio-col-status = Estado
studio-col-version = Versión publicada
studio-status-draft = Borrador
studio-status-published = Publicado
studio-status-archived = Archivado
studio-settings = Configuración del curso
studio-field-slug = Dirección web
studio-field-slug-hint = Letras minúsculas, dígitos y guiones, por ejemplo urban-planning-basics. No se puede cambiar una vez publicado el curso.
studio-field-format = Modalidad
studio-field-level = Nivel
studio-field-hours = Horas estimadas
studio-field-default-language = Idioma predeterminado
studio-field-default-language-hint = Los textos que falten en otro idioma se muestran en este.
studio-field-languages = Disponible en
studio-field-themes = Temas
studio-field-themes-hint = Separados por comas. Los Objetivos de Desarrollo Sostenible se indican como sdg:11 y las metas, como sdg:11.3.
studio-field-title = Título
studio-field-summary = Resumen
studio-field-body = Texto (Markdown)
studio-field-required = Obligatoria para completar el curso
studio-field-position = Posición
studio-create = Crear el curso
studio-saved = Se ha guardado correctamente.
studio-published = El curso se ha publicado como versión { $version }.
studio-modules = Módulos y lecciones
studio-add-module = Añadir un módulo
studio-add-lesson = Añadir una lección
studio-edit = Editar
studio-delete = Eliminar
studio-back = Volver al curso
studio-publish = Publicar una nueva versión
studio-publish-hint = Los participantes seguirán viendo la versión publicada hasta que vuelva a publicar el curso.
studio-cannot-publish = Aún no se puede publicar el curso:
studio-missing = Traducciones que faltan
studio-missing-item = { $field } en { $language }
studio-versions = Versiones
studio-version-item = Versión { $number }, { $date }
studio-preview = Vista previa como participante
studio-view-published = Abrir la página publicada
studio-archive = Archivar el curso
studio-module-title = Módulo: { $title }
studio-lesson-title = Lección: { $title }
studio-new-lesson = Nueva lección
studio-no-lessons = Aún no hay lecciones.
studio-preview-banner = Vista previa del borrador: los participantes no lo verán hasta que se publique.
err-slug_invalid = Use entre 3 y 80 caracteres: letras minúsculas, dígitos y guiones no consecutivos.
err-slug_taken = Otro curso ya utiliza esta dirección web.
err-slug_fixed_after_publication = La dirección web no se puede cambiar después de la publicación.
err-format_invalid = Elija una modalidad de la lista.
err-level_invalid = Elija un nivel de la lista.
err-hours_invalid = Introduzca un número de horas entre 0 y 1000.
err-theme_invalid = Uno de los temas no es válido: use palabras cortas, o de sdg:1 a sdg:17 con una meta opcional.
err-default_language_missing = Este campo debe completarse en el idioma predeterminado del curso.
err-language_not_offered = El curso no está disponible en este idioma.
err-text_too_long = Este texto es demasiado largo.
err-control_character = Este texto contiene un carácter de control (por ejemplo, un salto de línea en un título); elimínelo.
err-course_has_no_modules = Añada al menos un módulo.
err-module_has_no_lessons = Cada módulo debe tener al menos una lección.
err-lesson_kind_invalid = Elija un tipo de lección de la lista.

## Lessons and quizzes
lesson-kind-text = Texto
lesson-kind-video = Vídeo
lesson-kind-file = Descarga
lesson-kind-quiz = Cuestionario
lesson-kind-live = Sesión en directo
question-kind-single = Opción única
question-kind-multiple = Opción múltiple
question-kind-true_false = Verdadero o falso
question-kind-numeric = Respuesta numérica
question-kind-short_text = Respuesta corta
quiz-true = Verdadero
quiz-false = Falso
lesson-position = Lección { $position } de { $count }
lesson-video-download = Descargar el vídeo ({ $size } KB)
lesson-video-external = Ver el vídeo (en otro sitio web)
lesson-transcript = Transcripción
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
    [one] Una pregunta
   *[other] { $count } preguntas
}, { $points ->
    [one] un punto
   *[other] { $points } puntos
}
quiz-facts-pass-mark = Nota mínima para aprobar: { $percent } %
quiz-facts-attempts = { $count ->
    [one] Se permite un intento
   *[other] Se permiten { $count } intentos
}
quiz-facts-attempts-unlimited = Número de intentos ilimitado
quiz-facts-time-limit = { $minutes ->
    [one] Límite de tiempo: { $minutes } minuto
   *[other] Límite de tiempo: { $minutes } minutos
}
lesson-live-note = Las fechas de esta sesión en directo se fijan por separado para cada cohorte del curso.
lesson-kind-package = Módulo interactivo
package-done = Terminado
package-review = Repasar
package-resume = Continuar
package-start = Empezar
package-needs-javascript = Esta lección interactiva necesita JavaScript; su progreso se guarda sobre la marcha y se conserva si se corta la conexión.
package-review-note = Ya completó esta parte: puede repasarla y su resultado no cambia.
package-contents = Contenido
package-previous = Parte anterior
package-next = Parte siguiente
package-exit = Volver a la lección
lesson-nav = Lecciones
lesson-previous = Anterior
lesson-next = Siguiente
studio-no-file = Ninguno
studio-field-cover = Imagen de portada
studio-field-kind = Tipo de lección
studio-field-kind-hint = Al cambiar el tipo se conservan el título y el texto; se elimina el vídeo, el archivo para descargar o el cuestionario del tipo anterior.
studio-in-language = En { $language }
studio-field-intro = Introducción (Markdown)
studio-field-captions = Subtítulos (WebVTT)
studio-field-transcript = Transcripción (Markdown)
studio-media-hint = Los archivos se suben en la página de archivos del curso.
studio-media-link = Archivos del curso
studio-field-video-file = Archivo de vídeo (WebM o MP4)
studio-field-video-url = O un enlace al vídeo (https)
studio-field-download = Archivo para descargar
studio-quiz-settings = Configuración del cuestionario
studio-field-pass-mark = Nota mínima para aprobar (porcentaje de los puntos)
studio-field-attempts = Intentos permitidos
studio-empty-no-limit = Deje el campo vacío para no fijar ningún límite.
studio-field-time-limit = Límite de tiempo (en minutos)
studio-field-shuffle = Mostrar las opciones en orden aleatorio en cada intento
studio-questions = Preguntas
studio-quiz-points = { $points ->
    [one] Un punto en total.
   *[other] { $points } puntos en total.
}
studio-question-untitled = (aún no hay texto de la pregunta)
studio-points = { $points ->
    [one] un punto
   *[other] { $points } puntos
}
studio-no-questions = Aún no hay preguntas.
studio-question-kind = Tipo de pregunta
studio-add-question = Añadir una pregunta
studio-question-title = Pregunta
studio-field-points = Puntos
studio-field-prompt = Enunciado de la pregunta
studio-field-feedback = Comentarios que se muestran después del intento
studio-options = Opciones
studio-options-single-hint = Marque una sola opción como correcta. Las opciones vacías no se tienen en cuenta.
studio-options-multiple-hint = Marque todas las opciones correctas. Las opciones vacías no se tienen en cuenta.
studio-option-n = Opción { $n }
studio-option-correct = Correcta
studio-option-text = Texto
studio-option-feedback = Comentarios si se elige esta opción
studio-correct-answer = Respuesta correcta
studio-field-tolerance = Margen de tolerancia
studio-field-tolerance-hint = Las respuestas que no se aparten de la respuesta correcta en más de este valor se consideran correctas; por ejemplo, 0,5.
studio-field-accepted = Respuestas aceptadas
studio-field-accepted-hint = Una por línea. No se tienen en cuenta las mayúsculas ni los espacios de más.
studio-field-manual = Enviar las demás respuestas a un facilitador para que las califique
err-media_invalid = Elija un archivo del tipo adecuado entre los archivos de este curso.
err-media_missing = Falta un archivo que utiliza esta lección o no es del tipo adecuado; vuelva a elegirlo.
err-video_missing = Elija un archivo de vídeo o indique un enlace al vídeo.
err-file_missing = Elija el archivo para descargar.
err-quiz_has_no_questions = Añada al menos una pregunta al cuestionario.
err-quiz_pass_mark_unreachable = Las preguntas no tienen puntos, por lo que nadie puede alcanzar la nota mínima para aprobar.
err-single_choice_needs_one_correct = Marque una sola opción como correcta.
err-multiple_choice_needs_a_correct = Marque al menos una opción como correcta.
err-question_needs_two_options = Indique al menos dos opciones.
err-short_text_needs_an_answer = Indique al menos una respuesta aceptada o envíe las respuestas a un facilitador.
err-pass_mark_invalid = Introduzca una nota mínima para aprobar entre 1 y 100.
err-attempts_invalid = Introduzca un número de intentos entre 1 y 100, o deje el campo vacío.
err-time_limit_invalid = Introduzca un número de minutos entre 1 y 1440, o deje el campo vacío.
err-too_many_questions = Un cuestionario puede tener como máximo 200 preguntas.
err-points_invalid = Introduzca un número entero de puntos entre 0 y 1000.
err-too_many_options = Una pregunta puede tener como máximo 10 opciones.
err-number_invalid = Introduzca un número, por ejemplo 12,5.
err-too_many_answers = Indique como máximo 50 respuestas aceptadas.
err-url_invalid = Introduzca una dirección completa que empiece por https://.

## Media
media-open = Archivos
media-title = Archivos
media-intro = Imágenes, vídeos, subtítulos y documentos de este curso. Los participantes podrán abrirlos cuando el curso se publique; hasta entonces solo sus autores tienen acceso.
media-file = Archivo que desea subir
media-allowed = Formatos admitidos: imágenes PNG, JPEG, WebP y GIF; vídeos WebM y MP4; audio MP3 y Ogg; PDF; ZIP; documentos de Word, Excel y PowerPoint; archivos OpenDocument; subtítulos WebVTT; CSV y texto sin formato.
media-limit = Hasta { $mb } MB por archivo.
media-upload = Subir
media-files = Archivos de este curso
media-none = Todavía no hay archivos.
media-col-name = Nombre
media-col-type = Tipo
media-col-size = Tamaño
media-col-actions = Acciones
media-delete = Eliminar
media-delete-named = Eliminar { $name }
media-uploaded = El archivo se ha subido.
media-deleted = El archivo se ha eliminado.
media-in-use = El archivo se usa en una lección, en la portada o en una versión publicada, así que se ha conservado.
studio-field-package = Paquete SCORM
studio-package-hint = Suba primero el paquete en la página de archivos del curso.
package-title = Paquetes SCORM
package-intro = Suba un paquete SCORM 1.2 o SCORM 2004 (un zip con imsmanifest.xml en la raíz) y elíjalo en una lección de tipo «Módulo interactivo».
package-file = Paquete (zip)
package-allowed = SCORM 1.2 y SCORM 2004 (3.ª y 4.ª ediciones).
package-upload = Subir el paquete
package-none = Todavía no hay paquetes.
package-uploaded = Se subió el paquete.
package-deleted = Se eliminó el paquete.
package-in-use = Una lección del borrador o de una versión publicada usa este paquete, así que se conservó.
package-refused = Este paquete no se puede usar y no se conservó nada de él:
package-err-not_a_zip = El archivo no es un zip.
package-err-manifest_missing = El paquete no tiene imsmanifest.xml.
package-err-manifest_not_at_root = imsmanifest.xml debe estar en la raíz del zip, no en una carpeta.
package-err-schema_unknown = El manifiesto no es SCORM 1.2 ni SCORM 2004.
package-err-path_outside = Una ruta apunta fuera del paquete.
package-err-too_large = El paquete descomprimido supera el tamaño permitido.
package-err-manifest_dtd = El manifiesto declara una DTD (las entidades se rechazan).
package-err-file_missing = Falta en el paquete un archivo que el manifiesto nombra.
package-err-nothing_to_launch = El paquete no tiene nada que iniciar.
package-err-other = El manifiesto tiene un error.
media-err-not-allowed = No se admite este tipo de archivo. El tipo se determina por el contenido del archivo, no por su nombre.
media-err-empty = El archivo está vacío.
media-err-no-file = Elija un archivo para subir.
media-err-bad-name = El archivo necesita un nombre con letras o cifras.
media-size-bytes = { $n } bytes
media-size-kb = { $n } KB
media-size-mb = { $n } MB

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = Se ha inscrito en un curso
email-enrolled-body = Se ha inscrito en el curso «{ $course }». Empiece cuando quiera: su progreso se guarda a medida que avanza.
email-enrolled-action = Abrir el curso
nav-dashboard = Mi aprendizaje
learn-enrolment = Inscripción
learn-enrol = Inscribirse
learn-enrol-key = Clave de inscripción
learn-enrol-key-hint = El equipo del curso o su organización le facilitará esta clave.
learn-sign-in-to-enrol = Iniciar sesión para inscribirse
learn-enrol-to-track = Inscríbase en el curso para que se registre su progreso y para poder hacer sus cuestionarios.
learn-go-to-course = Ir a la página del curso
learn-enrolled-on = Fecha de inscripción: { $date }
learn-progress = Su progreso
learn-progress-value = { $total ->
    [one] { $percent } % completado: { $done } de { $total } lección
   *[other] { $percent } % completado: { $done } de { $total } lecciones
}
learn-progress-percent = { $percent } % completado
learn-module-progress = { $percent } % completado
learn-continue = Continuar
learn-start = Empezar
learn-withdraw = Abandonar este curso
learn-withdraw-hint = Si vuelve, conservará su progreso.
learn-completed = Completado
learn-completed-on = Completó este curso el { $date }.
learn-lesson-done = Completada
learn-mark-complete = Marcar como completada
learn-notice-enrolled = Se ha inscrito. Su progreso se guarda a medida que avanza.
learn-notice-withdrawn = Ha abandonado el curso. Si vuelve, conservará su progreso.
learn-notice-completed = Enhorabuena: ha completado el curso.
enrol-error-enrolment_key_required = Este curso requiere una clave de inscripción.
enrol-error-enrolment_key_wrong = La clave de inscripción no es correcta. Compruébela y vuelva a intentarlo.
enrol-error-course_full = No quedan plazas en este curso.
enrol-error-enrolment_closed = La inscripción en este curso está cerrada por el momento.
enrol-error-enrolment_needs_cohort = Este curso se imparte por cohortes: podrá inscribirse cuando se abra una cohorte.
quiz-attempts-title = Sus intentos
quiz-attempt = Intento
quiz-score = Puntuación
quiz-status = Estado
quiz-attempt-number = Intento { $number }
quiz-attempt-score = { $max ->
    [one] { $points } de { $max } punto ({ $percent } %)
   *[other] { $points } de { $max } puntos ({ $percent } %)
}
quiz-attempt-open = En curso
quiz-attempt-expired = No enviado a tiempo
quiz-attempt-pending = Pendiente de calificación por un facilitador
quiz-attempt-passed = Aprobado
quiz-attempt-failed = No aprobado
quiz-counted = Se tiene en cuenta
quiz-policy-best = Se tiene en cuenta su mejor intento.
quiz-policy-last = Se tiene en cuenta su último intento.
quiz-start = Empezar un intento
quiz-resume = Continuar su intento
quiz-attempts-left = { $count ->
    [one] Le queda un intento
   *[other] Le quedan { $count } intentos
}
quiz-no-attempts-left = Ha agotado todos sus intentos en este cuestionario.
quiz-passed = Ha aprobado este cuestionario.
quiz-time-left = { $minutes ->
    [one] Envíe sus respuestas en un plazo de { $minutes } minuto (antes de las { $time } UTC).
   *[other] Envíe sus respuestas en un plazo de { $minutes } minutos (antes de las { $time } UTC).
}
quiz-points = { $count ->
    [one] { $count } punto
   *[other] { $count } puntos
}
quiz-choose-all = Elija todas las respuestas que correspondan.
quiz-numeric-hint = Un número; use punto o coma para los decimales.
quiz-your-answer = Su respuesta
quiz-submit = Enviar mis respuestas
quiz-result = Su resultado
quiz-outcome-correct = Correcta
quiz-outcome-incorrect = Incorrecta
quiz-outcome-unanswered = Sin responder
quiz-outcome-pending = Un facilitador calificará esta respuesta
quiz-error-time_over = El tiempo de este intento ha terminado. Las respuestas enviadas después del límite de tiempo no se registran.
quiz-error-bad_answers = Algunas respuestas no corresponden a este cuestionario. Recargue la página y vuelva a intentarlo.
quiz-back-to-lesson = Volver a la lección
dashboard-title = Mi aprendizaje
dashboard-in-progress = En curso
dashboard-completed = Completados
dashboard-empty = Aún no se ha inscrito en ningún curso.
dashboard-browse = Explorar los cursos
dashboard-archived = Este curso ya no se ofrece.

## Cohorts and waitlists
email-waitlisted-subject = Está en la lista de espera de un curso
email-waitlisted-body = La cohorte «{ $cohort }» del curso «{ $course }» está completa, por lo que se le ha incluido en su lista de espera. Si queda libre una plaza, le avisaremos por correo electrónico y se la reservaremos durante un tiempo.
email-offered-subject = Tiene una plaza disponible: confírmela
email-offered-body = Ha quedado libre una plaza para usted en la cohorte «{ $cohort }» del curso «{ $course }». Confírmela a más tardar el { $deadline } (UTC); de lo contrario, pasará a la siguiente persona de la lista de espera.
email-offered-action = Confirmar mi plaza
enrol-error-cohort_closed = La inscripción en esta cohorte no está abierta.
enrol-error-enrollment_removed = Un coordinador ha anulado su inscripción en este curso. Si cree que se trata de un error, póngase en contacto con él.
enrol-error-no_offer = No tiene ninguna plaza reservada: la oferta ha caducado o ya se ha aceptado.
cohort-none = No hay ninguna cohorte abierta a inscripción en este momento.
cohort-dates = Del { $start } al { $end }
cohort-full = Sin plazas: únase a la lista de espera
cohort-places-left = { $count ->
    [one] Queda { $count } plaza
   *[other] Quedan { $count } plazas
}
cohort-join-waitlist = Unirse a la lista de espera
cohort-waitlisted = Está en la lista de espera de la cohorte «{ $cohort }». Si queda libre una plaza, le avisaremos por correo electrónico.
cohort-offered = Tiene reservada una plaza en la cohorte «{ $cohort }» hasta el { $deadline } (UTC). Confírmela; de lo contrario, pasará a la siguiente persona.
cohort-confirm = Confirmar mi plaza
cohort-decline = Rechazar la plaza
cohort-leave-waitlist = Salir de la lista de espera
dashboard-waitlisted = En lista de espera
dashboard-offered = Una plaza espera su confirmación

## Live sessions and attendance
email-session_reminder-subject = Recordatorio: se acerca una sesión en directo
email-session_reminder-body = La sesión «{ $session }» del curso «{ $course }» comienza el { $when }.
session-venue = Lugar
session-link = Enlace para unirse
# In emails, before the venue or the link (with the space that follows, if any).
session-venue-label = Lugar:{" "}
session-link-label = Enlace para unirse:{" "}
sessions-title = Sesiones en directo
sessions-add-to-calendar = Añadir a mi calendario
sessions-facilitated = Sesiones que usted facilita
sessions-take-attendance = Registrar la asistencia
calendar-feed = Su fuente de calendario
calendar-feed-hint = Suscríbase a esta dirección en su aplicación de calendario para ver allí sus sesiones en directo. No la comparta con nadie.
attendance-title = Asistencia
attendance-present = Presente
attendance-absent = Ausente
attendance-excused = Ausencia justificada
attendance-save = Guardar la asistencia
attendance-saved = Se ha guardado la asistencia.
attendance-nobody = Aún no hay ningún participante en esta cohorte.

## Studio: cohorts and enrolment
studio-cohorts-open = Cohortes e inscripción
studio-cohorts-title = Cohortes e inscripción
studio-enrolment-settings = Quién puede inscribirse
studio-partners = Organizaciones asociadas
studio-partners-hint = Una organización asociada con plazas aquí puede inscribir a su personal desde un archivo, aunque el curso no esté abierto a todos. Quienes ya estén inscritos siguen inscritos si se retiran las plazas.
studio-partners-organisation = Organización
studio-partners-places = Plazas
studio-partners-places-hint = Déjelo vacío para no fijar límite.
studio-partners-unlimited = sin límite
studio-partners-grant = Conceder plazas
studio-partners-withdraw = Retirar
studio-enrolment-mode = Inscripción
studio-enrolment-open = Abierta a cualquier persona que haya iniciado sesión
studio-enrolment-key = Con una clave de inscripción
studio-enrolment-closed = Cerrada
studio-enrolment-cap = Número máximo de participantes inscritos a la vez (deje el campo vacío para no fijar ningún límite)
studio-grade-policy = Intento que se tiene en cuenta en los cuestionarios
studio-attendance-percent = Asistencia necesaria para completar el curso (%)
studio-attendance-percent-hint = Proporción de las sesiones en directo de su cohorte a las que debe asistir cada participante; no se cuentan las sesiones en las que tenga una ausencia justificada. Deje el campo vacío para no aplicar esta regla.
studio-save = Guardar
studio-cohorts-list = Cohortes
studio-cohorts-none = Aún no hay cohortes.
studio-cohort-new = Nueva cohorte
studio-cohort-create = Crear la cohorte
studio-cohort-settings = Configuración de la cohorte
studio-cohort-name = Nombre
studio-cohort-dates = Fechas
studio-cohort-places = Plazas ocupadas
studio-cohort-language = Idioma en que se imparte
studio-cohort-starts_on = Fecha de inicio
studio-cohort-ends_on = Fecha de finalización
studio-cohort-opens_on = Apertura de la inscripción (vacío: desde ahora)
studio-cohort-closes_on = Cierre de la inscripción (vacío: al inicio de la cohorte)
studio-cohort-capacity = Plazas
studio-cohort-capacity-hint = Una vez cubiertas las plazas, los participantes pasan a una lista de espera. Deje el campo vacío para no fijar ningún límite.
studio-cohort-confirm-hours = Horas para confirmar una plaza ofrecida desde la lista de espera
studio-cohort-facilitators = Facilitadores
studio-cohort-facilitators-hint = Sus direcciones de correo electrónico, separadas por comas. Deben tener una cuenta.
studio-roster = Participantes
studio-roster-name = Participante
studio-roster-status = Estado
studio-roster-progress = Progreso
studio-roster-remove = Anular la inscripción
studio-roster-message = Mensaje (se conserva en el historial)
studio-roster-csv = Descargar la lista (CSV)
studio-session-new = Nueva sesión
studio-session-title = Título
studio-session-time-zone = Zona horaria del lugar donde se celebra
studio-session-time-zone-hint = Por ejemplo, Africa/Nairobi, Europe/Paris o America/Bogota. Las horas que figuran a continuación son las horas locales de esa zona.
studio-session-starts = Inicio
studio-session-ends = Fin
studio-session-lesson = Lección de sesión en directo a la que corresponde
studio-session-no-lesson = Ninguna
studio-session-add = Añadir la sesión
enrollment-status-active = Activa
enrollment-status-completed = Completada
enrollment-status-withdrawn = Abandonada
enrollment-status-removed = Anulada
enrollment-status-waitlisted = En lista de espera
enrollment-status-offered = Plaza ofrecida
err-required = Campo obligatorio.
err-places_invalid = Indique un número entero de plazas de 1 a 100 000, o déjelo vacío para no fijar límite.
err-too_long = Texto demasiado largo.
err-not_a_course_language = Elija uno de los idiomas del curso.
err-before_start = Debe ser posterior al inicio.
err-before_opening = Debe ser posterior a la apertura de la inscripción.
err-after_end = Debe ser anterior al final.
err-out_of_range = Valor fuera del intervalo permitido.
err-not_a_date_time = Fecha u hora no válida.
err-unknown_time_zone = Indique una zona horaria válida, por ejemplo, Africa/Nairobi.
err-not_https = La dirección debe empezar por https://.
err-venue_or_link_required = Indique un lugar, un enlace de reunión o ambos.
err-not_a_live_lesson = Esta lección no es una sesión en directo de este curso.
err-unknown_value = Elija una de las opciones disponibles.
err-unknown_email = No hay ninguna cuenta con esta dirección de correo electrónico.

## Bulk enrolment
email-invited-subject = Invitación a un curso
email-invited-body = Se le ha inscrito en el curso «{ $course }» en { $site }. Elija una contraseña para iniciar sesión y empezar.
email-invited-action = Elegir mi contraseña
email-invited-expiry = El enlace funciona una sola vez y durante 14 días.
bulk-title = Inscribir a personas desde un archivo
bulk-help = Suba un archivo CSV con una línea de encabezado: las columnas email, name y country (código de país de dos letras) son obligatorias para todas las personas, y la columna language (ar, zh, en, fr, ru o es) es opcional. Las personas que ya tienen una cuenta quedan inscritas; para las demás se crea una cuenta y se les envía un correo electrónico en el que se les invita a elegir una contraseña. Número máximo de filas: { $max }.
bulk-cohort = Cohorte
bulk-file = Archivo CSV
bulk-submit = Inscribir a estas personas
bulk-summary = Filas aceptadas: { $accepted }; filas rechazadas: { $rejected }.
bulk-results = Resultado fila por fila
bulk-line = Línea
bulk-email = Correo electrónico
bulk-result = Resultado
bulk-result-enrolled = Inscrito
bulk-result-waitlisted = En lista de espera
bulk-result-invited = Invitado (cuenta nueva)
bulk-result-already_enrolled = Ya inscrito
bulk-result-rejected = Rechazado
bulk-file-refused = No se ha utilizado el archivo; no se ha hecho ningún cambio:
bulk-error-no_file = Elija un archivo para subir.
bulk-error-not_utf8 = El archivo no es texto UTF-8. Guárdelo desde su hoja de cálculo en formato «CSV UTF-8».
bulk-error-missing_column = El encabezado no tiene ninguna columna «{ $at }».
bulk-error-unknown_column = El encabezado tiene una columna que esta página no reconoce: «{ $at }».
bulk-error-malformed = El archivo no se puede leer como CSV (cerca de la línea { $at }).
bulk-error-no_rows = El archivo tiene encabezado, pero ninguna fila.
bulk-error-too_many_rows = El archivo tiene más de { $at } filas: divídalo en varios archivos.

## Grading
grading-title = Respuestas por calificar
grading-none = Ninguna respuesta espera calificación.
grading-answer = Respuesta del participante
grading-accepted = Respuestas aceptadas por el autor
grading-save = Guardar las calificaciones
grading-saved = Calificaciones guardadas.

## Applications
email-accepted-subject = Se ha aceptado su solicitud
email-accepted-body = Se ha aceptado su solicitud para el curso «{ $course }»: ya puede empezar.
email-accepted-waitlisted = Se ha aceptado su solicitud para el curso «{ $course }». Por ahora la cohorte está completa, por lo que se le ha incluido en su lista de espera; le avisaremos por correo electrónico cuando quede libre una plaza.
email-declined-subject = Su solicitud no ha sido aceptada
email-declined-body = Su solicitud para el curso «{ $course }» no ha sido aceptada en esta ocasión.
application-intro = Para este curso es necesario presentar una solicitud: responda a las preguntas que figuran a continuación y el equipo del curso le contestará por correo electrónico.
application-submit = Enviar mi solicitud
application-pending = El equipo del curso está examinando su solicitud. Recibirá su respuesta por correo electrónico.
application-withdraw = Retirar mi solicitud
enrol-error-answers_required = Responda a todas las preguntas para presentar su solicitud.
studio-enrolment-application = Previa solicitud (preguntas a continuación)
studio-screening-questions = Preguntas para los solicitantes
studio-screening-questions-hint = Una por línea, en el idioma predeterminado del curso.
studio-applications = Solicitudes
studio-decision-message = Mensaje para el solicitante (opcional)
studio-accept = Aceptar
studio-decline = Rechazar
enrollment-status-applied = Solicitud enviada
enrollment-status-declined = Solicitud rechazada

## Certificates
certs-title = Mis certificados
certs-empty = Todavía no tiene certificados. Complete un curso para obtener uno.
certs-held-email_unconfirmed = Este certificado espera a que confirme su dirección de correo electrónico. Confírmela con el enlace que le enviamos y el certificado se emitirá de inmediato.
certs-resend = Volver a enviar el correo de confirmación
certs-open = Ver y compartir
cert-title = Certificado
cert-status-valid = Válido. Este certificado fue emitido por { $site }.
cert-status-revoked = Revocado el { $date }. Este certificado ya no es válido.
cert-revoked-reason = Motivo: { $reason }
cert-number = Número
cert-awarded-to = Otorgado a
cert-kind = Tipo
cert-kind-completion = Certificado de finalización
cert-kind-participation = Certificado de participación
cert-course = Curso
cert-completed-on = Completado el
cert-duration = Duración
cert-hours = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
}
cert-issued-by = Emitido por
cert-issued-on = Emitido el
cert-address = Dirección de verificación
cert-revision = Revisión { $revision }
cert-revoke = Revocar este certificado
cert-revoke-reason = Motivo (se muestra en esta página y se envía al participante)
cert-revoke-button = Revocar
cert-earned = Certificado { $number }
certificate-revoked = El certificado está revocado.
email-certificate_issued-subject = Su certificado está listo
email-certificate_issued-body = Enhorabuena por completar «{ $course }». Su certificado { $number } está listo y cualquiera puede verificarlo en su dirección.
email-certificate_issued-action = Ver su certificado
email-certificate_issued-all = Todos sus certificados:
email-certificate_revoked-subject = Su certificado fue revocado
email-certificate_revoked-body = Su certificado { $number } de «{ $course }» fue revocado. Motivo: { $reason }
email-certificate_revoked-action = Ver la página del certificado
err-reason_invalid = Indique un motivo de 1000 caracteres como máximo.
err-name_invalid = Indique un nombre de 200 caracteres como máximo.

## Certificates as PDF
pdf-presented = Por el presente se certifica que
pdf-reason-completion = ha completado satisfactoriamente el curso
pdf-reason-participation = ha participado en el curso
pdf-completed-on = Completado el { $date }
pdf-duration = Duración: { $duration }
pdf-number = Número de certificado
pdf-verify = Verificar en
pdf-date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
cert-download = Descargar el certificado (PDF)
cert-share = Compartir
cert-linkedin = Añadir al perfil de LinkedIn
cert-pdf-languages = PDF en otro idioma:
cert-revoked-pdf = Este certificado fue revocado el { $date }: su PDF ya no se entrega.
cert-credential = Descargar la credencial (Open Badges 3.0)
cert-credential-hint = Una credencial digital firmada: añádala a una cartera o entréguela a un empleador; cualquiera puede verificarla sin cuenta.

## Certificates: verification by number, administrators
verify-title = Verificar un certificado
verify-intro = Escriba el número impreso en el certificado (por ejemplo KZ-2026-000123) para saber si es válido y a quién se otorgó.
verify-number = Número de certificado
verify-button = Verificar
verify-missing = Ningún certificado tiene el número { $number }. Revise el número e inténtelo de nuevo.
admin-certs-title = Certificados
admin-certs-count = { $count ->
    [one] 1 certificado
   *[other] { $count } certificados
}
admin-certs-course = Curso (id)
admin-certs-cohort = Cohorte (id)
admin-certs-status = Estado
admin-certs-from = Completado desde
admin-certs-to = Completado antes del
admin-certs-any = Todos
admin-certs-apply = Aplicar
admin-certs-csv = Descargar en CSV
cert-status-name-held = En espera
cert-status-name-issued = Emitido
cert-status-name-revoked = Revocado
cert-correct = Corregir el nombre
cert-correct-name = El nombre como debe figurar (el número se mantiene; se emite una nueva revisión)
cert-correct-button = Corregir y volver a emitir
certificate-revised = El nombre se corrigió: se emitió una nueva revisión del certificado.
certificate-issued = Se emitió el certificado.
admin-records = Cursos y certificados
admin-records-none = Ningún curso que pueda dar un certificado.
admin-issue-reason = Emitir el certificado manualmente: dónde y cómo se completó el curso (se guarda en el registro de auditoría)
admin-issue-button = Emitir el certificado
nav-admin-certificates = Certificados
footer-verify = Verificar un certificado
studio-min-score = Puntuación final necesaria para el certificado (%)
studio-min-score-hint = La parte de los puntos de los cuestionarios del curso que necesita el participante; su certificado espera hasta que la alcance (puede repetir los cuestionarios que lo permitan). Bajarla emite los certificados retenidos. Déjelo vacío para no fijar esta condición.
certs-held-score_below_minimum = Su certificado espera a que su puntuación final alcance el mínimo del curso (es del { $score } %). Repita los cuestionarios del curso que lo permitan.
cert-final-score = Puntuación final: { $score } %

## End-of-training reports
report-title = Informe de fin de formación
report-intro = Cuando termine la formación, presente su informe: un administrador lo valida y los certificados que lo esperan se emiten de inmediato.
report-filed-on = Presentado el { $date }; pendiente de validación por un administrador. Aún puede modificarlo.
report-validated-on = Validado el { $date }. Se emitieron los certificados que lo esperaban.
report-validate-hint = Revise el informe: validarlo emite los certificados que lo esperan y el informe ya no cambia.
report-validate = Validar el informe
report-starts = Inicio de la formación
report-ends = Fin de la formación
report-facilitators = Facilitadores
report-participants = Participantes
report-attendance = Resumen de asistencia
report-outcomes = Resultados
report-remarks = Observaciones (opcional)
report-file = Presentar el informe
report-held = Certificados en espera
report-held-none = Ningún certificado de esta cohorte está en espera.
held-reason-email_unconfirmed = dirección de correo no confirmada
held-reason-score_below_minimum = puntuación final inferior al mínimo del curso
held-reason-report_pending = a la espera del informe de fin de formación
certs-held-report_pending = Su certificado espera el informe de fin de formación de su cohorte: se emitirá en cuanto un administrador lo valide.
report-filed = El informe está presentado.
report-validated = El informe está validado y se emitieron los certificados en espera.
studio-needs-report = Los certificados de las cohortes esperan el informe de fin de formación
studio-needs-report-hint = El coordinador de cada cohorte presenta un informe (fechas, facilitadores, participantes, asistencia, resultados); un administrador lo valida, lo que emite los certificados de la cohorte.
studio-cohort-report = Informe de fin de formación
studio-certificate-preview = El certificado
studio-certificate-preview-hint = Un ejemplo del certificado de este curso en cada uno de sus idiomas, con un nombre en la escritura de ese idioma (PDF).
error-503-title = Esto aún no está disponible aquí
error-503-body = Este servidor aún no está preparado para ello. Se ha avisado a los administradores; inténtelo más tarde.

## Diseño del certificado: la biblioteca, la elección de cada curso, los avales
nav-admin-library = Biblioteca de certificados
nav-endorsements = Avales
library-title = Biblioteca de certificados
library-intro = Firmantes y logotipos que los cursos pueden mostrar en sus certificados. Los certificados conservan los elementos con los que se emitieron: retirar un elemento solo modifica los que se emitan después.
library-signatories = Firmantes
library-logos = Logotipos
library-name = Nombre
library-signatory-title = Cargo
library-organisation = Organización
library-signature = Firma (imagen)
library-signature-of = Firma de { $name }
library-image-hint = PNG, JPEG o SVG, de { $kb } KB como máximo.
library-add-signatory = Añadir un firmante
library-add-logo = Añadir un logotipo
library-add = Añadir
library-logo-name = Nombre del logotipo
library-logo-image = Imagen
library-logo-instance = Es el logotipo propio de la plataforma (en el encabezado de todos los certificados)
library-instance-logo = Logotipo de la plataforma
library-make-instance = Usar como logotipo de la plataforma
library-make-instance-named = Usar { $name } como logotipo de la plataforma
library-retire = Retirar
library-retire-named = Retirar { $name }
library-retired = Retirado
library-saved = Se guardó la biblioteca de certificados.
design-title = Diseño del certificado
design-link = Elegir los firmantes y logotipos del certificado
design-intro = Elija, de la biblioteca de la plataforma, quién firma los certificados de este curso y qué logotipos de organizaciones asociadas muestran. Los certificados que se emitan a partir de ahora los mostrarán; los ya emitidos conservan los suyos.
design-signatories = Firmantes (hasta tres, en este orden)
design-signatory-n = Firmante { $n }
design-none = Ninguno
design-logos = Logotipos de organizaciones asociadas (hasta { $max })
design-library-empty = La biblioteca aún no tiene ninguno; un administrador los añade en la biblioteca de certificados.
design-save = Guardar el diseño
design-saved = Se guardó el diseño del certificado.
design-also = También en el certificado
design-instance = El logotipo y el nombre de { $site }.
design-endorsed-by = Con el aval de:
endorse-title = Avalar este curso
endorse-intro = Solicite que { $organisation } avale este curso. Una vez que un administrador lo apruebe, los certificados que se emitan a partir de ese momento mostrarán el logotipo y el firmante de su organización e incluirán su aval firmado.
endorse-comment = Lo que su organización dice del curso (opcional)
endorse-signatory = Firmante de su organización
endorse-logo = Logotipo de su organización
endorse-button = Enviar la solicitud de aval
endorse-already-requested = Su organización ha solicitado avalar este curso; un administrador decidirá.
endorse-already-approved = Su organización avala este curso.
endorsement-requested = Se envió su solicitud; un administrador decidirá.
endorsement-decided = Se actualizó el aval.
endorsements-title = Avales
endorsements-intro = Avales otorgados a cursos por organizaciones asociadas. Retirar un aval solo modifica los certificados que se emitan después.
endorsements-organisation = Organización
endorsement-status-requested = Solicitado
endorsement-status-approved = Aprobado
endorsement-status-declined = Rechazado
endorsement-status-withdrawn = Retirado
endorsement-credential = Aval firmado
endorsement-approve = Aprobar
endorsement-approve-named = Aprobar el aval de { $name }
endorsement-decline = Rechazar
endorsement-decline-named = Rechazar el aval de { $name }
endorsement-withdraw = Retirar
endorsement-withdraw-named = Retirar el aval de { $name }
cert-signatories = Firmado por
cert-endorsed-by = Con el aval de
err-field_required = Este campo es obligatorio.
err-field_invalid = Use solo caracteres imprimibles.
err-field_too_long = Este texto es demasiado largo.
err-image_too_large = La imagen es demasiado grande (512 KB como máximo).
err-image_invalid = No es una imagen PNG, JPEG o SVG legible.
err-image_required = Elija una imagen.
err-not_base64 = No está codificado en base64.
err-too_many_signatories = Elija tres firmantes como máximo.
err-too_many_logos = Elija cuatro logotipos como máximo.
err-chosen_twice = Se eligió dos veces el mismo firmante o logotipo.
err-not_in_library = Uno de ellos ya no está en la biblioteca.
design-sample-names = El mismo certificado con un nombre de ejemplo en cada una de las seis escrituras (la escritura de un nombre puede no ser la del certificado):

## Organisations and their members
nav-organisation = Mi organización
org-kind-national_government = Gobierno nacional
org-kind-local_government = Gobierno local
org-kind-un_system = Sistema de las Naciones Unidas u organización intergubernamental
org-kind-other = Otro
org-field-names = Nombre en otros idiomas
org-field-names-hint = Se muestra a quienes consultan la plataforma en ese idioma; deje un idioma vacío para mostrar el nombre indicado arriba.
org-field-domains = Dominios de correo electrónico
org-field-domains-hint = Uno por línea, por ejemplo nairobi.go.ke. Las personas cuya dirección de correo electrónico confirmada pertenezca a uno de estos dominios son miembros sin esperar a que un coordinador las confirme. No se pueden usar servicios de correo públicos.
err-email_domain_invalid = Introduzca nombres de dominio, por ejemplo nairobi.go.ke, uno por línea.
err-email_domain_public = Un servicio de correo público no puede ser uno de los dominios de una organización: cualquier persona puede tener una dirección en él.
err-email_domains_too_many = Introduzca 20 dominios como máximo.
members-title = Miembros
members-intro = Las personas que indican su organización en su perfil esperan aquí hasta que usted las confirme. Solo los miembros confirmados aparecen con sus cursos y en las cifras de su organización.
members-tabs = Miembros por estado
members-confirmed = Confirmados ({ $count })
members-pending = En espera ({ $count })
members-confirmed-caption = Miembros confirmados
members-pending-caption = Personas pendientes de confirmación
members-col-studying = En curso
members-col-completed = Completados
members-col-certificates = Certificados
members-col-confirmed = Fecha de confirmación
members-by-coordinator = por un coordinador
members-by-administrator = por un administrador
members-by-invitation = inscrito por la organización
members-by-domain = por su dirección de correo electrónico
members-confirm = Confirmar
members-decline = Rechazar
members-remove = Retirar
members-none = Aún no hay miembros confirmados.
members-none-pending = No hay nadie pendiente de confirmación.
member-confirmed = Se ha confirmado al miembro.
member-removed = La persona ya no es miembro de la organización.
member-courses = Cursos
member-col-progress = Progreso
member-col-certificate = Certificado
member-enrolled-on = Fecha de inscripción: { $date }
member-no-courses = Aún no hay cursos.
membership-pending = Su organización aún no ha confirmado su pertenencia. Hasta que lo haga, usted no figura entre sus miembros.
membership-confirmed = Su organización ha confirmado que usted es miembro.

## Reports
nav-reports = Informes
role-partner_viewer = Observador asociado (consulta los informes de su organización)
reports-title = Informe de aprendizaje
reports-title-of = Informe de aprendizaje: { $organisation }
reports-intro = Quién participó y qué logró, según los registros de aprendizaje. Las cifras pequeñas no se muestran, para que no se pueda identificar a nadie.
report-from = Desde
report-to = Hasta (inclusive)
report-by = Agrupar por
report-then = Y luego por
report-measure = Indicador del gráfico
report-organisation = Organización
report-course = Curso
report-course-format = Modalidad
report-language = Idioma de estudio
report-any = Todos
report-nothing = Ninguno (una sola fila)
report-show = Mostrar el informe
report-download-csv = Descargar en formato CSV
report-download-xlsx = Descargar en formato Excel (XLSX)
report-period = Del { $from } al { $to }
report-note-small = <{ $threshold }: cifra comprendida entre 1 y { $threshold } menos uno, que no se muestra para que no se pueda identificar a nadie.
report-note-hidden = x: cifra que no se muestra para que un total o una diferencia no permitan deducir una cifra pequeña.
report-note-source = Fuente: { $site }, a partir de sus registros de aprendizaje.
report-total = Total
report-everyone = Todas las personas
report-empty = No se contabilizó nada en este período.
report-not-stated = No indicado
report-none = Ninguno
report-no-cohort = Sin cohorte
report-no-organisation = Sin organización confirmada
report-group-ldc = Países menos adelantados
report-group-lldc = Países en desarrollo sin litoral
report-group-sids = Pequeños Estados insulares en desarrollo
report-group-other = Otros países
report-age-under_25 = Menos de 25 años
report-age-25_34 = De 25 a 34 años
report-age-35_44 = De 35 a 44 años
report-age-45_54 = De 45 a 54 años
report-age-55_64 = De 55 a 64 años
report-age-65_plus = 65 años o más
report-by-course = Curso
report-by-cohort = Cohorte
report-by-format = Modalidad
report-by-language = Idioma de estudio
report-by-month = Mes
report-by-quarter = Trimestre
report-by-year = Año
report-by-country = País o zona
report-by-region = Región
report-by-sub_region = Subregión
report-by-ldc = Países menos adelantados
report-by-lldc = Países en desarrollo sin litoral
report-by-sids = Pequeños Estados insulares en desarrollo
report-by-gender = Género
report-by-age_band = Edad
report-by-organisation_kind = Tipo de organización
report-by-organisation = Organización
report-measure-enrolments = Inscripciones
report-measure-active_learners = Participantes activos
report-measure-completions = Cursos completados
report-measure-completion_rate = Tasa de finalización
report-measure-certificates = Certificados emitidos
report-measure-average_score = Puntuación final media (%)
report-measure-median_days = Mediana de días para completar el curso
report-measure-attendance_rate = Tasa de asistencia
report-chart-title = { $measure } según «{ $by }»
report-chart-desc = Una barra por grupo; la tabla siguiente presenta las mismas cifras. Las cifras demasiado pequeñas para mostrarse no se representan.
err-not_a_date = Introduzca una fecha con el formato AAAA-MM-DD.
err-period_backwards = La fecha de fin es anterior a la de inicio.
err-period_too_long = Elija un período de 20 años como máximo.
err-grouping_unknown = Elija una agrupación de la lista.
err-grouping_needs_by = Elija una primera agrupación antes de elegir una segunda.
err-grouping_repeated = Elija dos agrupaciones distintas.
err-measure_unknown = Elija un indicador de la lista.
err-format_unknown = Elija una modalidad de la lista.

## The agency's dashboard
nav-admin-dashboard = Panel de control
dashboard-agency-title = Panel de control del organismo
dashboard-agency-intro = En lo que va de año (del { $from } al { $to }), en comparación con el mismo período del año pasado (del { $last_from } al { $last_to }).
dashboard-agency-headline = A quiénes llegó el organismo
dashboard-this-year = Este año
dashboard-last-year = El año pasado
dashboard-learners = Participantes alcanzados
dashboard-countries = Países y zonas
dashboard-ldc_share = Proporción en los países menos adelantados
dashboard-women_share = Proporción de mujeres
dashboard-completions = Cursos completados
dashboard-certificates = Certificados emitidos
dashboard-by-theme = Por tema
dashboard-by-sdg = Por Objetivo de Desarrollo Sostenible
dashboard-col-theme = Tema
dashboard-col-sdg = Objetivo
dashboard-chart-title = Inscripciones – { $by }: este año (barras gruesas) y el año pasado (barras finas)
dashboard-chart-desc = Un par de barras por grupo; la tabla siguiente presenta las cifras. Las cifras demasiado pequeñas para mostrarse no se representan.
dashboard-facets-note = Un curso puede abarcar varios temas y objetivos, por lo que la suma de estas filas no coincide con los totales anteriores.
dashboard-note-shares = Las proporciones se calculan sobre los participantes que indicaron su país o su género; x señala una proporción que no se muestra porque permitiría deducir una cifra pequeña.
dashboard-more = Para obtener más datos, consulte el informe de aprendizaje

## Use of the content
report-usage = Uso de los contenidos
report-usage-by-month = Visitas y descargas por mes
report-usage-by-language = Visitas por versión lingüística de los cursos
report-usage-language = Versión lingüística
report-usage-course-views = Visitas a las páginas de cursos
report-usage-lesson-views = Visitas a las lecciones
report-usage-downloads = Descargas de archivos
report-usage-none = No se contabilizaron visitas ni descargas en este período.

## Scheduled reports
subscriptions-title = Informes programados
subscriptions-intro = Reciba este informe por correo electrónico, en su idioma, después de cada semana (de lunes a domingo) o de cada mes.
subscriptions-frequency = Frecuencia
subscriptions-weekly = Cada semana
subscriptions-monthly = Cada mes
subscriptions-subscribe = Enviarme este informe por correo
subscriptions-none = No tiene informes programados.
subscriptions-stop = Detener
subscription-saved = El informe se le enviará por correo electrónico después de cada período.
subscription-ended = Ese informe ya no se le enviará por correo electrónico.
err-frequency_unknown = Elija cada semana o cada mes.
email-report-subject = { $title }
email-report-body = { $title }, { $period }:
email-report-page = Consúltelo con su gráfico:
email-report-manage = Detenga o cambie sus informes programados:

## Providers
org-field-provider = Imparte cursos
org-field-provider-hint = Un proveedor (un centro de formación, una universidad) imparte cursos en este portal: sus cursos llevan su nombre en el catálogo, en la página del curso y en los certificados, y sus coordinadores gestionan sus cohortes.
err-organisation_provides_courses = Algunos cursos tienen a esta organización como proveedor: asígneles antes otro proveedor.
err-organisation_not_provider = Elija un proveedor de la lista.
studio-field-provider = Proveedor
studio-field-provider-hint = La organización que imparte el curso. Aparece de inmediato en el catálogo, en la página del curso y en los nuevos certificados, sin volver a publicar; sus coordinadores gestionan las cohortes del curso.
studio-no-provider = Ninguno (esta plataforma)
catalog-provider = Proveedor
course-provided-by = Ofrecido por
cert-provided-by = Ofrecido por
pdf-provided-by = Ofrecido por { $provider }
report-provider = Proveedor
report-no-provider = Sin proveedor
report-by-provider = Proveedor
members-provided = Cursos que imparte
members-provided-intro = Abra un curso para gestionar sus cohortes.
members-provided-report = Leer el informe de estos cursos

# Surveys
err-too_many_survey_questions = Una encuesta tiene como máximo 100 preguntas.
survey-title-evaluation = Evaluación del curso
eval-intro = Cuéntenos qué le pareció el curso. Sus respuestas se guardan página por página; puede salir y volver hasta que las envíe.
eval-page-of = Página { $page } de { $pages }
eval-required = obligatoria
eval-optional = opcional
eval-submit = Enviar la evaluación
eval-next = Página siguiente
eval-back = Página anterior
eval-save = Guardar y terminar más tarde
eval-thanks = Gracias: su evaluación de este curso fue enviada.
eval-offer = ¿Qué le pareció el curso? Su evaluación ayuda a mejorarlo.
eval-open = Evaluar el curso
eval-notice-submitted = Gracias: su evaluación fue enviada.
eval-notice-saved = Sus respuestas están guardadas. Vuelva a terminar cuando quiera.
eval-kind-likert = Escala de acuerdo
eval-kind-single = Opción única
eval-kind-multiple = Opción múltiple
eval-kind-rating = Puntuación de 0 a 10
eval-kind-number = Número
eval-kind-short_text = Texto breve
eval-kind-long_text = Texto largo
studio-evaluation-open = Evaluación
eval-studio-title = La evaluación del curso
survey-studio-intro-evaluation = La evaluación se ofrece a los participantes en cuanto terminan el curso. Empieza con las preguntas estándar del banco, comparables entre cursos; añada las del curso.
eval-studio-state = Formulario publicado y respuestas
eval-studio-version = La versión { $version } está publicada
eval-studio-responses = { $started } iniciadas, { $submitted } enviadas
eval-studio-changed = El borrador de abajo tiene cambios que los participantes aún no ven. Las respuestas ya iniciadas siguen en su versión.
eval-studio-publish = Publicar los cambios
eval-studio-required = Emitir el certificado solo cuando el participante haya enviado la evaluación
eval-studio-required-hint = Los certificados esperan y el participante ve el motivo; al desactivarlo se emiten los que esperaban.
eval-studio-draft = Borrador
eval-studio-from-bank = pregunta estándar
eval-studio-up = Subir
eval-studio-down = Bajar
eval-studio-make-optional = Hacer opcional
eval-studio-make-required = Hacer obligatoria
eval-studio-remove = Quitar
eval-studio-remove-section = Quitar esta página vacía
eval-studio-add = Añadir una pregunta propia del curso
eval-studio-section = Página
eval-studio-kind = Tipo de respuesta
eval-studio-text = Pregunta
eval-studio-options = Opciones
eval-studio-options-hint = Una por línea: las opciones; las etiquetas de una escala de menor a mayor; las dos etiquetas de los extremos de una puntuación (opcionales).
eval-studio-min = Número mínimo aceptado (solo números)
eval-studio-max = Número máximo aceptado (solo números)
eval-studio-add-button = Añadir al borrador
eval-studio-bank = Añadir una pregunta del banco
eval-studio-bank-question = Pregunta del banco
eval-studio-add-section = Añadir una página
eval-studio-section-title = Título de la página
certs-held-evaluation_pending = Su certificado se emite en cuanto envíe la evaluación del curso.
held-reason-evaluation_pending = a la espera de la evaluación del curso por el participante
err-question_unknown = No es una pregunta de esta encuesta.
err-question_not_on_page = Esta pregunta está en otra página.
err-answer_invalid = Elija una de las respuestas ofrecidas.
err-answer_out_of_range = Indique un número dentro del intervalo pedido.
err-answer_too_long = Esta respuesta es demasiado larga.
err-answer_required = Responda a esta pregunta.
err-page_unknown = Esta página no está en el formulario.
err-sections_missing = Un formulario necesita al menos una página.
err-too_many_sections = Un formulario tiene como máximo 20 páginas.
err-question_id_repeated = Dos preguntas tienen el mismo identificador.
err-question_id_invalid = Una pregunta propia de la encuesta tiene un identificador q1, q2…
err-bank_question_unknown = Esta pregunta no está en el banco.
err-options_invalid = Indique de 2 a 12 opciones, de 2 a 11 etiquetas de escala o las dos etiquetas de una puntuación; los demás tipos no llevan.
err-bounds_invalid = Indique números, el mínimo no mayor que el máximo (solo números).
results-title-evaluation = Evaluaciones de los cursos
results-title-evaluation-of = Evaluación de { $course }
results-question = Pregunta
results-answer = Respuesta
results-respondents = Personas que respondieron
results-answered = Respondieron
results-answered-count = Respuestas: { $count }
results-mean = Media
results-nps = Índice de recomendación neta (NPS)
results-rates-evaluation = Ofrecida a { $invited } personas que terminaron; { $started } iniciadas, { $submitted } enviadas.
results-note-small = <{ $threshold }: un grupo de menos de { $threshold } personas; no se muestra ninguna de sus cifras.
results-figures = Las cifras
results-texts = Respuestas abiertas
results-texts-anonymous = Las respuestas se muestran sin nombres: esta encuesta es anónima.
results-texts-named = Esta encuesta no es anónima: las respuestas se muestran con el nombre de quien respondió.
results-no-texts = Aún no hay respuestas.
err-grouping_not_offered = Los resultados se agrupan de una sola forma a la vez.
eval-studio-results = Ver los resultados
eval-studio-anonymous = Anónima: las respuestas abiertas se leen sin el nombre de quien responde
eval-anonymous = Sus respuestas se leen sin su nombre.
eval-named = Los responsables del curso leen sus respuestas con su nombre.
survey-title-follow_up = Seguimiento del curso
follow-up-intro = Unos meses después del curso: ¿ha podido aplicar lo que aprendió? Sus respuestas se guardan página por página.
survey-thanks-evaluation = Gracias: su evaluación de este curso fue enviada.
survey-thanks-follow_up = Gracias: sus respuestas fueron enviadas. Este enlace ya cumplió su función.
survey-link-invalid-title = Este enlace no funciona
survey-link-invalid = El enlace está incompleto o fue modificado. Ábralo de nuevo desde el correo que le enviamos; no se guardó nada.
survey-link-expired-title = Este enlace ha caducado
survey-link-expired = El plazo para responder a estas preguntas terminó; no se guardó nada. Gracias de todos modos.
survey-studio-title-evaluation = La evaluación del curso
survey-studio-title-follow_up = El seguimiento del curso
survey-studio-intro-follow_up = Unos meses después de terminar el curso, cada participante recibe por correo, en su idioma, un enlace a estas preguntas que se abre sin iniciar sesión, con un recordatorio dos semanas después. Empieza con las preguntas estándar del banco.
follow-up-months = Meses después de terminar
follow-up-months-hint = De 1 a 24; 0 no envía ningún seguimiento.
err-months_invalid = Indique un número entero de meses, de 0 a 24.
err-not_an_evaluation = Solo la evaluación de un curso puede retener su certificado.
err-purpose_unknown = Elija la evaluación o el seguimiento.
results-title-follow_up = Seguimientos de los cursos
results-title-follow_up-of = Seguimiento de { $course }
results-rates-follow_up = Enviado a { $invited } personas; { $started } iniciados, { $submitted } enviados.
studio-follow-up-open = Seguimiento
email-survey_invitation-subject = Unas preguntas sobre su curso, unos meses después
email-survey_invitation-body = Hace unos meses terminó «{ $course }». Cuéntenos en unos minutos si ha podido aplicar lo que aprendió: sus respuestas ayudan a mejorar el curso y muestran lo que cambia la formación. El enlace de abajo abre las preguntas sin iniciar sesión; funciona hasta el { $expires }.
email-survey_reminder-subject = Recordatorio: unas preguntas sobre su curso
email-survey_reminder-body = Aún nos gustaría saber cómo ha usado lo que aprendió en «{ $course }». El enlace de abajo funciona hasta el { $expires }.
email-survey-action = Responder a las preguntas

# Needs assessments
nav-needs = Encuestas de necesidades
needs-title = Evaluaciones de necesidades
needs-list-intro = Pregunte al personal de una organización, o al público, qué necesitan aprender antes de planificar la formación. Cada encuesta empieza con las preguntas estándar sobre necesidades; añada las suyas, publíquela para abrirla y lea los resultados por grupo.
needs-survey-title = Título
needs-audience = Quién responde
needs-audience-members = Los miembros de la organización, con sesión iniciada (cualquier persona con sesión, para las de la plataforma)
needs-audience-public = Cualquier persona con el enlace, sin iniciar sesión
needs-responses = Respuestas
needs-instance = Toda la plataforma
needs-whose = Para
needs-new = Una nueva evaluación de necesidades
needs-create = Crear
needs-state-draft-short = Borrador
needs-state-open-short = Abierta
needs-state-closed-short = Cerrada
needs-state-draft = Borrador: publíquela para abrirla a las respuestas.
needs-state-open = Abierta a las respuestas.
needs-state-closed = Cerrada: ya no recibe respuestas; sus resultados siguen disponibles.
needs-share = Comparta este enlace:
needs-close = Cerrar a las respuestas
needs-reopen = Volver a abrir
needs-details = Título y destinatarios
needs-for-you = Encuestas para usted
needs-for-you-intro = Sus respuestas ayudan a planificar la formación que necesita su organización.
needs-intro = Cuéntenos qué necesita aprender, para planificar la formación en consecuencia. Sus respuestas se guardan página a página; puede salir y volver hasta enviarlas.
needs-closed-notice = Esta encuesta está cerrada y ya no recibe respuestas. Gracias por su interés.
survey-title-needs = Evaluación de necesidades
survey-thanks-needs = Gracias: sus respuestas se enviaron.
survey-studio-title-needs = La evaluación de necesidades
survey-studio-intro-needs = Empieza con las preguntas estándar del banco sobre necesidades, comparables entre organizaciones; añada las suyas. Publicarla la abre a las respuestas; un cambio publicado después solo se aplica a las respuestas nuevas.
results-title-needs = Evaluaciones de necesidades
results-title-needs-of = Evaluación de necesidades: { $title }
results-rates-needs = Dirigida a { $invited } miembros; { $started } iniciadas, { $submitted } enviadas.
results-rates-needs-public = Respondida mediante su enlace público: { $started } iniciadas, { $submitted } enviadas.
err-survey_alone = Los resultados de una encuesta se leen solos: quite el curso, la cohorte y el proveedor.
err-survey_required = Elija la evaluación de necesidades que desea leer.
err-audience_unknown = Elija los miembros o el público.
err-language_unknown = Elija uno de los seis idiomas.
nav-admin-bank = Banco de preguntas
bank-title = El banco de preguntas de las encuestas
bank-intro = Cualquier encuesta puede usar estas preguntas con la misma clave, de modo que sus respuestas se comparan entre cursos y organizaciones. Las estándar abren toda encuesta de su tipo. Una pregunta retirada ya no se ofrece; las encuestas que la tienen la conservan.
bank-question = Pregunta
bank-key = Clave
bank-key-hint = Minúsculas, cifras y _, empezando por una letra (si se deja vacía, se crea una).
bank-standard = Estándar en
bank-retired = Retirada
bank-retire = Retirar
bank-restore = Restablecer
bank-add = Añadir una pregunta al banco
err-bank_key_invalid = Use minúsculas, cifras y _, empezando por una letra (no q seguida de un número).
err-bank_key_taken = El banco ya tiene una pregunta con esta clave.
email-needs_invitation-subject = Unas preguntas: ¿qué formación necesita?
email-needs_invitation-body = Su organización le pregunta qué necesita aprender, para planificar la formación en consecuencia: «{ $title }». Le llevará unos minutos; inicie sesión con su cuenta para responder.
needs-invite = Enviarla a los miembros que no han respondido
needs-invite-hint = Cada miembro recibe un solo correo, en su idioma; volver a enviarla solo llega a quienes aún no lo recibieron.
needs-notice-invited = Las invitaciones están en camino.
eval-studio-change = Cambiar
eval-studio-change-question = Cambiar la pregunta
eval-studio-cancel = Cancelar
