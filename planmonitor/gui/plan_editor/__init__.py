"""The plan editor (编辑 → 编辑规划…): every indicator field, add, delete, reorder, undo."""
