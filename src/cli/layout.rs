//! `chainmap layout FILE [-o OUT] [--keep-placed]`: writes a position for
//! every stage (the top-left corner of its card), computed by the same
//! layered layout as the app's diagram. Every stage is laid out afresh,
//! unless `--keep-placed`: then stages that already have a position keep
//! it and only the others are placed. The rest of the file is written back
//! in the canonical export form.

use std::io::Write;

use crate::format;
use crate::layout;
use crate::model::Pos;

use super::{read, usage_error};

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut file = None;
    let mut output = None;
    let mut keep = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => return usage_error(err, "-o needs a file name"),
            },
            "--keep-placed" => keep = true,
            s if s.starts_with('-') && s != "-" => {
                return usage_error(err, &format!("unknown option '{s}' for layout"))
            }
            s if file.is_none() => file = Some(s.to_string()),
            _ => return usage_error(err, "layout takes one file"),
        }
    }
    let Some(file) = file else { return usage_error(err, "layout needs a file") };
    let bytes = match read(&file) {
        Ok(b) => b,
        Err(why) => {
            let _ = writeln!(err, "{file}: cannot read: {why}");
            return 2;
        }
    };
    let mut map = match format::import(&bytes) {
        Ok(i) => i.map,
        Err(problems) => {
            let _ = writeln!(err, "{file}: not laid out, the file is invalid:");
            for p in &problems {
                let _ = writeln!(err, "  {p}");
            }
            return 2;
        }
    };
    let positions = layout::auto_positions(&map, keep);
    for (stage, (_, x, y)) in map.stages.iter_mut().zip(positions) {
        // Unknown fields a newer chainmap put on the position stay.
        let extra = stage.pos.take().map(|p| p.extra).unwrap_or_default();
        stage.pos = Some(Pos { x: x.round(), y: y.round(), extra });
    }
    let text = format::export(&map);
    super::write_result(&text, output, out, err)
}
