def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] MIG101 column items.name: 2 rows are NULL but the column is NOT NULL')
assert log.contains('[level set by project]')
assert log.contains('rules changed by this project: MIG101 error -> warning')
assert log.contains('migrate refuses it')
assert log.contains('BUILD SUCCESS')
return true
