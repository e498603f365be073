def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] MIG101 column items.name: 2 rows are NULL but the column is NOT NULL')
assert log.contains('mig plan: 1 error, 1 warning, 1 notice; --fail-on error: fails')
def sarif = new File(basedir, 'target/mig.sarif').text
assert sarif.contains('"ruleId" : "MIG101"')
assert sarif.contains('"startLine" : 6')
return true
