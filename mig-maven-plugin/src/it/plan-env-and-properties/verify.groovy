def log = new File(basedir, 'build.log').text
assert log.contains('--fail-on error: fails')
return true
