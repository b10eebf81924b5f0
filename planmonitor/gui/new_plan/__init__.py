"""新建规划: from a plan document, from an empty plan, or as the successor of a plan."""
