"""One schema per table: the pandera, Arrow and Frictionless views all come from schemas/*.json."""

from __future__ import annotations

import pyarrow
import pytest

from sahel_data.schemas import TABLES, arrow_schema, field_names, pandera_schema, table_schema

CONTRACT_COLUMNS = {
    "documents": "document_id title author publisher published url language retrieved path sha256 bytes n_chars license",
    "figures": "figure_id document_id char_start char_end text sentence value value_low value_high unit qualifier "
    "measure location period_start period_end actor attributed_to method",
    "dates": "date_id document_id char_start char_end text date_start date_end precision sentence event",
    "mentions": "mention_id document_id char_start char_end text entity_id entity_type name",
}


@pytest.mark.parametrize("table", TABLES)
def test_every_contract_column_is_in_the_schema(table):
    assert set(CONTRACT_COLUMNS[table].split()) <= set(field_names(table))


@pytest.mark.parametrize("table", TABLES)
def test_every_field_is_described(table):
    assert all(f.get("description") for f in table_schema(table)["fields"])


@pytest.mark.parametrize("table", TABLES)
def test_views_agree_on_columns_and_nullability(table):
    spec = {f["name"]: f for f in table_schema(table)["fields"]}
    arrow = arrow_schema(table)
    pandera = pandera_schema(table)
    assert arrow.names == list(spec) == list(pandera.columns)
    for name, field in spec.items():
        required = bool(field.get("constraints", {}).get("required"))
        assert arrow.field(name).nullable is not required
        assert pandera.columns[name].nullable is not required


def test_arrow_types_follow_the_schema_types():
    arrow = arrow_schema("documents")
    assert arrow.field("published").type == pyarrow.date32()
    assert arrow.field("bytes").type == pyarrow.int64()
    assert arrow_schema("figures").field("value").type == pyarrow.float64()


def test_enums_become_checks():
    qualifier = pandera_schema("figures").columns["qualifier"]
    assert any("isin" in str(check) for check in qualifier.checks)


def test_primary_and_foreign_keys_are_declared():
    assert table_schema("figures")["primaryKey"] == ["figure_id"]
    (fk,) = table_schema("mentions")["foreignKeys"]
    assert fk["reference"] == {"resource": "documents", "fields": ["document_id"]}
