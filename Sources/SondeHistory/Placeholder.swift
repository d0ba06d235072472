// The history store (issue 6) lives here.
