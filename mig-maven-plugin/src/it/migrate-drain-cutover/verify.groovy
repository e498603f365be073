def log = new File(basedir, 'build.log').text
assert log.contains('mig migrate: copied')
assert log.contains('mig status: phase recording')
assert log.contains('; cut over to ')
assert log.contains('mig verify: every table equal')
def ready = new File(basedir, 'db').listFiles().findAll { it.name ==~ /app-[0-9a-f]{16}\.sqlite/ }
assert ready.size() == 1 : "the new database beside app.sqlite: ${ready}"
return true
