//! The maps a user can start from: an empty lab → pilot → production chain
//! and the two worked examples of PRODUCT.md, each in English and Chinese.
//! They are ordinary chainmap files, read with the same importer as any
//! other file (a test checks that each imports and is already canonical).

use crate::format;
use crate::model::Map;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// Three empty phases: lab research, pilot test, industrial production.
    Empty,
    /// The high-strength aluminium alloy project.
    Alloy,
    /// The 3D-printing sand project with its recycling loop.
    Sand,
}

pub use crate::i18n::Lang;

impl Template {
    pub const ALL: [Template; 3] = [Template::Empty, Template::Alloy, Template::Sand];

    pub fn key(self) -> &'static str {
        match self {
            Template::Empty => "empty",
            Template::Alloy => "alloy",
            Template::Sand => "sand",
        }
    }

    /// The file text of the template.
    pub fn source(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Template::Empty, Lang::En) => include_str!("empty.en.chainmap.json"),
            (Template::Empty, Lang::Zh) => include_str!("empty.zh.chainmap.json"),
            (Template::Alloy, Lang::En) => include_str!("alloy.en.chainmap.json"),
            (Template::Alloy, Lang::Zh) => include_str!("alloy.zh.chainmap.json"),
            (Template::Sand, Lang::En) => include_str!("sand.en.chainmap.json"),
            (Template::Sand, Lang::Zh) => include_str!("sand.zh.chainmap.json"),
        }
    }

    /// The template as a map. The templates are checked by tests, so this
    /// cannot fail in a released build; should it ever, the result is an
    /// empty map with the template's key as title rather than a panic.
    pub fn map(self, lang: Lang) -> Map {
        match format::import_str(self.source(lang)) {
            Ok(imported) => imported.map,
            Err(_) => {
                let mut m = Map::default();
                m.project.title = self.key().to_string();
                m
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_imports_cleanly_and_is_canonical() {
        for t in Template::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let src = t.source(lang);
                let imported = format::import_str(src).unwrap_or_else(|e| panic!("{t:?} {lang:?}: {e:?}"));
                assert!(imported.notes.is_empty(), "{t:?} {lang:?} has unknown fields");
                assert_eq!(format::export(&imported.map), src, "{t:?} {lang:?} is not in canonical form");
            }
        }
    }

    #[test]
    fn both_languages_hold_the_same_structure() {
        for t in Template::ALL {
            let (en, zh) = (t.map(Lang::En), t.map(Lang::Zh));
            let ids = |m: &Map| {
                (
                    m.stages.iter().map(|s| (s.id.clone(), s.phase.clone())).collect::<Vec<_>>(),
                    m.flows.iter().map(|f| (f.from.clone(), f.to.clone())).collect::<Vec<_>>(),
                    m.topics
                        .iter()
                        .map(|x| (x.student.clone(), x.stage.clone(), x.supervisors.clone()))
                        .collect::<Vec<_>>(),
                )
            };
            assert_eq!(ids(&en), ids(&zh), "{t:?}");
        }
    }
}
