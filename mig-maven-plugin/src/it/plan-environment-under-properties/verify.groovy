def log = new File(basedir, 'build.log').text
assert log.contains('--fail-on never: plan exits 0 whatever it finds.')
assert log.contains('--fail-on error: fails (1 finding at error level or above).')
return true
