//! The JSON schemas of the API's records, built from the domain's own
//! lists (the incident's columns in their order, the codes of targets,
//! methods, statuses and date precisions), so that the OpenAPI document
//! cannot name a field or a code the data model does not have.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::openapi::schema::{
    AdditionalProperties, KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{RefOr, schema};
use utoipa::{PartialSchema, ToSchema};
use vigie_domain::incident::Column;
use vigie_domain::{DatePrecision, Method, Status, Target};

/// What a column holds, for its schema.
fn column_schema(column: Column, nullable: bool) -> ObjectBuilder {
    let types = |kind: Type| -> SchemaType {
        if nullable { SchemaType::from_iter([kind, Type::Null]) } else { SchemaType::new(kind) }
    };
    let codes = |all: Vec<&'static str>| {
        let mut values: Vec<serde_json::Value> = all.into_iter().map(serde_json::Value::from).collect();
        if nullable {
            values.push(serde_json::Value::Null);
        }
        ObjectBuilder::new().schema_type(types(Type::String)).enum_values(Some(values))
    };
    let count = || ObjectBuilder::new().schema_type(types(Type::Integer)).minimum(Some(0)).maximum(Some(1_000_000));
    match column {
        Column::Id => ObjectBuilder::new()
            .schema_type(types(Type::String))
            .min_length(Some(1))
            .max_length(Some(64))
            .pattern(Some("^[^\\s]+$"))
            .description(Some("Unique; given by the source, or made from the values when not given.")),
        Column::Date | Column::DateEnd => ObjectBuilder::new()
            .schema_type(types(Type::String))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .description(Some("ISO 8601 day (YYYY-MM-DD), from 1900 to today.")),
        Column::DatePrecision => codes(DatePrecision::ALL.iter().map(|p| p.code()).collect()),
        Column::Country => ObjectBuilder::new()
            .schema_type(types(Type::String))
            .description(Some("ISO 3166-1 alpha-2 code (a name in French, English or Arabic is read too).")),
        Column::Latitude => ObjectBuilder::new().schema_type(types(Type::Number)).minimum(Some(-90)).maximum(Some(90)),
        Column::Longitude => {
            ObjectBuilder::new().schema_type(types(Type::Number)).minimum(Some(-180)).maximum(Some(180))
        }
        Column::GeoPrecision => {
            ObjectBuilder::new().schema_type(types(Type::Integer)).minimum(Some(1)).maximum(Some(3))
        }
        Column::Perpetrator => ObjectBuilder::new()
            .schema_type(types(Type::String))
            .description(Some("A perpetrator group's id, name or alias (GET /api/v1/groups).")),
        Column::Target => codes(Target::ALL.iter().map(|t| t.code()).collect()),
        Column::Method => codes(Method::ALL.iter().map(|m| m.code()).collect()),
        Column::Killed
        | Column::KilledLow
        | Column::KilledHigh
        | Column::Wounded
        | Column::Kidnapped
        | Column::PerpetratorsKilled => count(),
        Column::Admin1 | Column::Location | Column::Description | Column::Sources => {
            ObjectBuilder::new().schema_type(types(Type::String)).max_length(Some(10_000))
        }
        Column::Status => codes(Status::ALL.iter().map(|s| s.code()).collect()),
    }
}

/// An incident as the API gives it: every column (unknown values `null`).
pub struct IncidentRecord;

impl PartialSchema for IncidentRecord {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("An incident, with the keys of the native format (docs/data-model.md)."));
        for column in Column::ALL {
            let always = matches!(
                column,
                Column::Id
                    | Column::Date
                    | Column::DatePrecision
                    | Column::Country
                    | Column::Perpetrator
                    | Column::Target
                    | Column::Method
                    | Column::Status
            );
            object = object.property(column.name(), column_schema(column, !always)).required(column.name());
        }
        RefOr::T(Schema::Object(object.build()))
    }
}

impl ToSchema for IncidentRecord {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Incident")
    }
}

/// The fields written, `null` to empty one: every column but the status
/// (the review sets it), and the id of a new incident only.
fn fields(with_id: bool, description: &str) -> schema::Object {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)))
        .description(Some(description));
    for column in Column::ALL.into_iter().filter(|c| *c != Column::Status && (with_id || *c != Column::Id)) {
        object = object.property(column.name(), column_schema(column, true));
    }
    object.build()
}

/// A change: the fields it gives replace the stored ones.
pub struct IncidentFields;

impl PartialSchema for IncidentFields {
    fn schema() -> RefOr<Schema> {
        let description = "The fields changed; the others keep their values. The id and the status are not written \
            (the status by the review).";
        RefOr::T(Schema::Object(fields(false, description)))
    }
}

impl ToSchema for IncidentFields {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("IncidentFields")
    }
}

/// A new incident: [`IncidentFields`] with `date` and `country`.
pub struct NewIncident;

impl PartialSchema for NewIncident {
    fn schema() -> RefOr<Schema> {
        let mut object = fields(true, "A new draft: date and country, and any other field but the status.");
        object.required = vec!["date".into(), "country".into()];
        for required in ["date", "country"] {
            if let Some(RefOr::T(Schema::Object(property))) = object.properties.get_mut(required) {
                property.schema_type = SchemaType::new(Type::String);
                property.min_length = Some(1);
            }
        }
        RefOr::T(Schema::Object(object))
    }
}

impl ToSchema for NewIncident {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("NewIncident")
    }
}

/// A file sent as the body: its bytes.
pub struct FileBody;

impl PartialSchema for FileBody {
    fn schema() -> RefOr<Schema> {
        let object = ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some("The file's bytes: native CSV or JSON Lines, an ACLED, UCDP GED or GTD export."));
        RefOr::T(Schema::Object(object.build()))
    }
}

impl ToSchema for FileBody {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("File")
    }
}

/// A page of a list.
#[derive(Serialize, ToSchema)]
#[schema(as = IncidentPage)]
pub struct IncidentPage {
    #[schema(value_type = Vec<IncidentRecord>)]
    pub items: Vec<serde_json::Value>,
    /// The page's size asked for.
    pub limit: u64,
    /// The address of the next page (also in the `Link` header), or `null`
    /// on the last.
    pub next: Option<String>,
}

/// A register's records, or a report: each with the keys of its native
/// JSON format (`docs/data-model.md`).
#[derive(Serialize, ToSchema)]
pub struct Listing {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
}

/// An entry of a record's history: the audit log's.
#[derive(Serialize, ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    /// UTC, RFC 3339.
    #[schema(format = DateTime)]
    pub at: String,
    /// The user's email, or `cli`.
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub changes: Vec<FieldChangeDoc>,
    pub detail: Option<String>,
    /// The API token the change came through.
    pub token_id: Option<i64>,
}

/// One field's value before and after a change (`null`: none).
#[derive(Serialize, ToSchema)]
#[schema(as = FieldChange)]
pub struct FieldChangeDoc {
    pub field: String,
    /// Any JSON value.
    pub before: serde_json::Value,
    /// Any JSON value.
    pub after: serde_json::Value,
}

/// A record's history, latest first.
#[derive(Serialize, ToSchema)]
pub struct History {
    pub items: Vec<HistoryEntry>,
}

/// An approval's body (optional): a comment.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// A rejection's body: why, for the author.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    #[schema(min_length = 1, max_length = 2000, pattern = "\\S")]
    pub comment: String,
}

/// The OpenAPI schema of `T`, resolved (for tests).
#[cfg(test)]
pub fn resolved<T: PartialSchema>() -> schema::Object {
    match T::schema() {
        RefOr::T(Schema::Object(object)) => object,
        _ => panic!("an object schema"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_incident_schema_has_every_column_and_code_of_the_data_model() {
        let record = resolved::<IncidentRecord>();
        assert_eq!(record.properties.len(), Column::ALL.len());
        let names: Vec<&String> = record.properties.keys().collect();
        for column in Column::ALL {
            assert!(names.contains(&&column.name().to_string()), "{}", column.name());
        }
        let json = serde_json::to_value(&record).unwrap();
        let targets = json["properties"]["target"]["enum"].as_array().unwrap();
        assert_eq!(targets.len(), Target::ALL.len());
        let fields = resolved::<IncidentFields>();
        assert!(!fields.properties.contains_key("status"), "the review sets the status");
        assert!(!fields.properties.contains_key("id"), "a change keeps the id");
        assert!(resolved::<NewIncident>().properties.contains_key("id"));
        assert_eq!(resolved::<NewIncident>().required, ["date", "country"]);
    }
}
