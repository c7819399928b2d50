//! Findings: what every check in instrada returns.
//!
//! A check never stops at the first problem: it collects [`Finding`]s, each with a stable
//! `code` for programs, a message for people (Italian first, English second) that says
//! what to do, and, where it helps, the position in the input, the form field, a
//! suggested value and the rule's source document.

use serde::{Deserialize, Serialize};

use crate::field::{Field, FormField};

/// The language of messages. Italian is the default: the documents, the users and the
/// portals are Italian; English is a complete second language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    /// Reads `"it"` or `"en"` (any case, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "it" | "ita" | "it-it" => Some(Lang::It),
            "en" | "eng" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, it: T, en: T) -> T {
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

/// How much a finding matters. Only errors block a form's submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Where a rule comes from: one of the source documents (file name) and its section, or a
/// law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// File name in `shared/sources/` (e.g. `002_16d6e432ed698fc3.txt`) or the law
    /// (e.g. `L. 151/2025`).
    pub document: String,
    /// The section inside the document, in the document's own words (e.g. `2.6 B`).
    #[serde(default)]
    pub section: String,
}

impl Source {
    pub fn new(document: impl Into<String>, section: impl Into<String>) -> Source {
        Source {
            document: document.into(),
            section: section.into(),
        }
    }
}

/// One problem, warning or piece of information about an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable identifier, `area.kebab-case` (e.g. `cf.check-character`). Programs match on it;
    /// it never changes with the language.
    pub code: &'static str,
    pub severity: Severity,
    /// For a person: what is wrong and what to do, in the requested language.
    pub message: String,
    /// 0-based character position in the normalised input, where the problem is there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// The form field concerned (`codice-fiscale`, `oggetto`, `destinatario`, …), or the
    /// property of a JavaScript input the form has no field for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// A value the user may accept with an explicit action (never applied silently).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The rule's source (boxed: most findings have none, and a small `Finding` keeps
    /// `Result<T, Finding>` cheap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Source>>,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity,
            message: message.into(),
            position: None,
            field: None,
            suggestion: None,
            source: None,
        }
    }
    pub fn error(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Error, message)
    }
    pub fn warning(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Warning, message)
    }
    pub fn info(code: &'static str, message: impl Into<String>) -> Finding {
        Finding::new(code, Severity::Info, message)
    }
    pub fn at(mut self, position: usize) -> Finding {
        self.position = Some(position);
        self
    }
    pub fn field(mut self, field: impl Into<Field>) -> Finding {
        self.field = Some(field.into());
        self
    }
    /// Whether the finding is about this field of the form.
    pub fn marks(&self, field: FormField) -> bool {
        self.field.as_ref().and_then(Field::form) == Some(field)
    }
    /// The name of the field as sent to JavaScript (`oggetto`, `events[2].summary`).
    pub fn field_id(&self) -> Option<&str> {
        self.field.as_ref().map(Field::id)
    }
    pub fn suggest(mut self, value: impl Into<String>) -> Finding {
        self.suggestion = Some(value.into());
        self
    }
    pub fn source(mut self, source: Source) -> Finding {
        self.source = Some(Box::new(source));
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Puts `front` before the findings already in `list`, as `list.splice(0..0, front)` does:
/// the five uses were the module's only `Splice` (its drop moves the tail by hand), and
/// appending is a copy (issue 15).
pub(crate) fn prepend(list: &mut Vec<Finding>, mut front: Vec<Finding>) {
    front.append(list);
    *list = front;
}
