// The demo staging (issue 3) lives here.
