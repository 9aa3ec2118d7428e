import { configure } from '@testing-library/react';

// The web suites run beside the server suites on two cores (CI): an Ant Design form validates, submits and renders the
// server's answer in several ticks, which under that load can take longer than Testing Library's default of 1 s for a
// `findBy…` (seen: a field error found after 2.4 s). Waiting up to 5 s changes nothing for a passing test.
configure({ asyncUtilTimeout: 5_000 });
