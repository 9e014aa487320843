println new File(basedir, 'build.log').text.readLines().findAll { !it.startsWith('[INFO] Download') && !it.contains('Copying') }.join('\n')
return true
