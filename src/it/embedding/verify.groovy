// The README example ran and printed what the README says it does.
def log = new File(basedir, 'build.log').getText('UTF-8')
['deficiency vitamin_b12 possible 0.45', 'deficiency calcium possible 0.27', 'characters of JSON; the text ends:',
 'rejected: twitching = often'].each { expected ->
    if (!log.contains(expected)) {
        throw new AssertionError("the embedding example did not print '" + expected + "' (see " + basedir + "/build.log)")
    }
}
// The library passes on no logging binding and no command-line parser.
def lib = new File(basedir, '../../lib').list() as List
['slf4j-simple', 'picocli'].each { banned ->
    if (lib.any { it.startsWith(banned) }) {
        throw new AssertionError('target/lib holds ' + banned + ': ' + lib)
    }
}
return true
