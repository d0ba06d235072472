// The view layer (issue 3) lives here.
