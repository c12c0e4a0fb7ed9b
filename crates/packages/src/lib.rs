//! E-learning packages: the SCORM 1.2 and 2004 content packages an
//! agency's existing courses come as. So far a package's zip read with
//! the course archives' checks ([`package::read`]) and its manifest
//! ([`manifest::parse`]): the standard and edition, the table of contents
//! and the resources, with every problem said with where it is. The
//! package lesson (upload, storage, launch, run-time data) builds on it.

pub mod manifest;
pub mod package;
