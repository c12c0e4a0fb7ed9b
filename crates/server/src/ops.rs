//! Operations endpoints: liveness, readiness, metrics, and static assets.

use crate::routes::{Access, Table};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/healthz", Access::Public, healthz);
    t.page(Method::GET, "/readyz", Access::Public, readyz);
    t.page(Method::GET, "/metrics", Access::Public, metrics);
    t.page(Method::GET, "/static/{file}", Access::Public, static_file);
}

/// The process is up (touches nothing else).
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The process can serve: it is not shutting down, and the database
/// answers.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.draining.load(std::sync::atomic::Ordering::Acquire) {
        return HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("shutting down");
    }
    if kuza_db::ping(&state.app.db).await {
        HttpResponse::Ok().content_type("text/plain").body("ready")
    } else {
        tracing::warn!("readiness check failed: database unreachable");
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unreachable")
    }
}

/// Prometheus text exposition.
async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let pending = kuza_jobs::pending_count(&state.app.db).await.unwrap_or(0);
    let failed = kuza_jobs::failed_count(&state.app.db).await.unwrap_or(0);
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(state.metrics.render(pending, failed))
}

/// Content-hashed assets: cached for a year, revalidated by ETag.
async fn static_file(
    req: HttpRequest,
    state: web::Data<AppState>,
    file: web::Path<String>,
) -> HttpResponse {
    let Some(asset) = state.views.assets.get(file.as_str()) else {
        return HttpResponse::NotFound().finish();
    };
    let cache = (header::CACHE_CONTROL, "public, max-age=31536000, immutable");
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(asset.etag.as_str())
    {
        return HttpResponse::NotModified().insert_header(cache).finish();
    }
    HttpResponse::Ok()
        .content_type(asset.mime.as_str())
        .insert_header(cache)
        .insert_header((header::ETAG, asset.etag.clone()))
        .body(asset.bytes.clone())
}
