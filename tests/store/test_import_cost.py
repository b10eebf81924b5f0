"""Opening a SQLite database imports nothing it does not need (start-up cost, issue 16)."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

from planmonitor.store.database import open_database
from planmonitor.store.models import Base, ObservationRow, partial_index_options


def test_the_models_do_not_import_the_postgresql_dialect(tmp_path) -> None:
    open_database(tmp_path / "x.sqlite").close()  # migrated here; the child opens it as is
    code = (
        "import sys\n"
        "from planmonitor.store.database import open_database\n"
        "import planmonitor.services.status, planmonitor.services.observations\n"
        f"open_database({str(tmp_path / 'x.sqlite')!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_migrations_see_the_current_value_index_as_partial_on_postgresql() -> None:
    partial_index_options()
    table = Base.metadata.tables[ObservationRow.__tablename__]
    ddl = {i.name: str(CreateIndex(i).compile(dialect=postgresql.dialect())) for i in table.indexes}
    assert ddl["ix_observations_current"] == (
        "CREATE UNIQUE INDEX ix_observations_current ON observations "
        "(indicator_id, region_id, year, month) WHERE superseded_at IS NULL"
    )
    assert "WHERE" not in ddl["ix_observations_history"]
