"""Reading the variables scripts/stack writes for the tests and benchmarks that use its servers."""

from ingest.testing import read_stack_env


def test_export_lines_are_read_and_quotes_comments_and_blanks_dropped(tmp_path):
    path = tmp_path / "env"
    path.write_text("# written by scripts/stack\nexport SOHOA_ES_URL=http://127.0.0.1:9200\n\n"
                    "export SOHOA_BUCKET='sohoa-inbox'\nSOHOA_NOTE=\"a=b\"\n")
    assert read_stack_env(path) == {"SOHOA_ES_URL": "http://127.0.0.1:9200", "SOHOA_BUCKET": "sohoa-inbox",
                                    "SOHOA_NOTE": "a=b"}


def test_no_file_gives_no_variables(tmp_path):
    assert read_stack_env(tmp_path / "absent") == {}
