//! An object proposed for a description: what the object check gives and the messages
//! name (a type of its own, below both, so that neither imports the other).

use crate::catalog::titolario::TempoSoglia;
use crate::wire::{Json, ToWire};

/// An object that fits the description.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Object id.
    pub object: String,
    /// Its label in the menu.
    pub label: String,
    /// Its class.
    pub classe: String,
    /// Its English label.
    pub label_en: String,
    /// How well it fits (the suggestion engine's score, comparable within one review).
    pub score: u32,
    /// The words of the description that matched.
    pub matched: Vec<String>,
    /// The threshold INPS has to settle it (ER table).
    pub tempo_soglia: Option<TempoSoglia>,
}

impl ToWire for Proposal {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("object", &self.object);
        out.field_str("label", &self.label);
        out.field_str("classe", &self.classe);
        out.field_str("labelEn", &self.label_en);
        out.field_int("score", i64::from(self.score));
        out.key("matched");
        out.strs(&self.matched);
        if let Some(tempo) = &self.tempo_soglia {
            out.key("tempoSoglia");
            tempo.write(out);
        }
        out.end_object();
    }
}
