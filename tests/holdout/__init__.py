"""The examiner's variants of a given report (issue 13), now a regression test."""
