//! Raw SQL for the queries an ORM does not write well (search, reports):
//! text and bound values, with each backend's placeholders (`?` on SQLite,
//! `$1`… on PostgreSQL), so nothing a person typed is ever spliced in.

use sea_orm::{DbBackend, Statement, Value};

pub struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub fn new(backend: DbBackend) -> Sql {
        Sql {
            backend,
            text: String::new(),
            values: vec![],
        }
    }

    /// The backend the statement is for.
    pub fn backend(&self) -> DbBackend {
        self.backend
    }

    /// Appends SQL text (never a value someone gave).
    pub fn push(&mut self, s: &str) -> &mut Sql {
        self.text.push_str(s);
        self
    }

    /// Appends a placeholder bound to `v`.
    pub fn bind(&mut self, v: impl Into<Value>) -> &mut Sql {
        self.values.push(v.into());
        if self.backend == DbBackend::Postgres {
            let n = self.values.len();
            self.text.push_str(&format!("${n}"));
        } else {
            self.text.push('?');
        }
        self
    }

    pub fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}
