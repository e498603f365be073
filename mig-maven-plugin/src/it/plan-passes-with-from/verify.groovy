def log = new File(basedir, 'build.log').text
assert log.contains('mig plan: app is ready')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'comment.md').text.contains('is **ready to migrate**')
return true
