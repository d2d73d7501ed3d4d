//! `vigie countries`.

use anyhow::{Result, bail};
use vigie_domain::{Country, countries};

use crate::Outcome;
use crate::cli::{CountriesArgs, TableFormat};

fn json(country: &Country) -> serde_json::Value {
    serde_json::json!({
        "alpha2": country.code,
        "alpha3": country.alpha3,
        "numeric": country.numeric,
        "names": country.names,
    })
}

pub fn run(args: &CountriesArgs) -> Result<Outcome> {
    let list: Vec<&Country> = match &args.query {
        Some(query) => match countries().resolve(query) {
            Some(country) => vec![country],
            None => bail!("no country is called or coded {}", vigie_domain::text::quoted(query)),
        },
        None => countries().iter().collect(),
    };
    match args.format {
        TableFormat::Json => {
            let values: Vec<_> = list.iter().map(|c| json(c)).collect();
            out!("{}", serde_json::to_string_pretty(&values)?)?;
        }
        TableFormat::Table => {
            for c in list {
                out!("{}  {}  {:>3}  {} | {} | {}", c.code, c.alpha3, c.numeric, c.names.en, c.names.fr, c.names.ar)?;
            }
        }
    }
    Ok(Outcome::Success)
}
