//! E-learning packages: the SCORM 1.2 and 2004 content packages an
//! agency's existing courses come as. So far a package's zip read with
//! the course archives' checks ([`package::read`]) and its manifest
//! ([`manifest::parse`]): the standard and edition, the table of contents
//! and the resources, with every problem said with where it is; and a
//! SCO's run-time data ([`runtime`]): each commit checked against the data
//! model of its standard, and what it means (completion, success, score,
//! time) under the manifest's rules; and the records ([`records`]): a
//! course's packages stored whole (the row, then the files under
//! `packages/{id}/`) and each learner's data per lesson and SCO.

pub mod manifest;
pub mod package;
pub mod records;
pub mod runtime;
